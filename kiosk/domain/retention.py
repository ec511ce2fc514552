"""How long each kind of record keeps its personal data (PIPL: no longer than needed).

The periods count from a record's END (a visit checked out or declined, a pass handed back, a
card revoked, a slip used...); an open record is never purged. After its period a record keeps
what the books need (numbers, dates, counts, amounts) and loses who it was about.

The defaults, and why (the site's procedures state no period: docs/privacy.md):
- visitor personal data (visits, invitations, host messages, watchlist entries no longer in
  force, visitor-card holders): 180 days, the issue's default, long enough to answer a
  question about last season's visitors;
- sealed ID numbers and their lookup hashes: 30 days. The procedure is "shown, then handed
  back"; the desk keeps the last four for the log, and the sealed number only for a lawful
  request about a recent incident;
- print jobs' documents and printed bytes: 30 days (a reprint of a month-old badge is not asked
  for; the receipt or slip itself stays on record under its own kind);
- owners' phone calls before a tenant's slip, release slips, machine-room pass loans: 180 days;
- IDC identity-card applications: 365 days after the card ended (customers' staff come back);
- payers' names on receipts: 1095 days (finance keeps the original voucher; the desk's copy
  answers questions about a refund for three years). An unrefunded deposit is open: kept;
- repair requests' callers (报修): 180 days after the request was closed (called back) or
  cancelled: longer than the work's warranty (3 months from completion, which a reopen needs the
  caller for; the configuration refuses a period shorter than [repairs] warranty_months), and a
  question about last season's work can still be answered. The unit, the fault, the category,
  the clocks and the times stay: the engineering history and the monthly figures;
- complaints and suggestions (投诉 / 建议): 365 days after closing: a person who complains again
  within the year is answered with the history of their last complaint, and the year's review
  of complaints reads them. The subject, the kind, who was responsible and the times stay;
- lost and found (失物招领): the claimant (name, phone, ID type and last four, signature) and the
  finder's name, 365 days after the item was claimed, disposed of or voided: under the Civil Code
  (民法典 第三百一十八条) an owner has a year from the notice to come forward, so a person who says
  "that was mine, who took it?" within the year is answered. What, where, when, where kept, how
  it ended and who on the staff acted stay: the register's history;
- key loans' borrowers (钥匙借用: name, company, phone, ID type and last four, staff number, the
  notes): 180 days after every key lent came back or was written off, so a question about who
  had a meeting room's key last season can be answered. The set, the counts, the times and who on
  the staff lent and took back stay: the register's history.
- the management office's permits' holders (搬运材料凭据, 出入证: name, ID type and last four,
  company, the cancel reason, the notes of refused entries): 180 days after the permit's last
  valid day ended or it was cancelled, so a question about who worked in a unit last season can
  be answered. The number, kind, unit, materials, days and who on the staff issued, cancelled
  and let in stay: the register's history;
- registered mail and parcels (挂号邮件): the addressee, their company, the collector (name, ID
  type and last four) and a forwarding address, 365 days after the item was handed out,
  forwarded or returned: a loss report (查核登记簿，由最后签名人员负责) may come months later, and
  the post office answers inquiries on registered items for about a year. The number, kind,
  carrier, tracking number, unit, shelf, damage note, times and who on the staff signed stay;
  a moved-out person's record (name, phone, forwarding address) the same, from its closing;
- outgoing courier (快递寄发): the sender, the addressee, the destination, the note and a void
  reason, and the name of the courier who signed for a batch, 365 days after the item was handed
  over or voided: a lost or damaged shipment is queried and claimed with the courier company
  within about a year of posting, and the sender and addressee are what that claim needs. The
  settlement needs no name: the number, department, company, tracking number, cost and times stay
  for good (the month-end statement per department; accounting records are kept for decades,
  which is why they must not carry the names). An item still waiting for the courier is open;
- admissions (来人放行: a resident without a card, a company leader, staff, a permit holder, each
  a line of the visitor record 来人来访记录表): the name, unit, company, a staff member's work card
  number, what was said on the intercom, the notes and the patrol's note, 180 days after the line
  was written, as a visit's: the same record, the same questions about last season's comings and
  goings. A resident let in on the resident records is open until the patrol followed them. The
  kind, how they were let in, a permit's number, a leader's greeting, the times and who on the
  staff let them through stay.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import time

# The longest period any kind may be set to (30 years: an accounting voucher's, the longest a
# Chinese record is commonly kept); the shortest is a day.
MAX_DAYS = 10950


@dataclass(frozen=True)
class RetentionPolicy:
    """Days each kind of record keeps its personal data after it ended; ``purge_at``: the
    site-local time of day the server's daily purge runs (or the first round after it)."""

    visits_days: int = 180
    id_seals_days: int = 30
    print_jobs_days: int = 30
    owner_calls_days: int = 180
    release_slips_days: int = 180
    machine_room_passes_days: int = 180
    idc_cards_days: int = 365
    payments_days: int = 1095
    repairs_days: int = 180
    complaints_days: int = 365
    permits_days: int = 180
    key_loans_days: int = 180
    lost_found_days: int = 365
    mail_days: int = 365
    courier_days: int = 365
    admissions_days: int = 180
    purge_at: time = time(3, 0)

    def problems(self) -> list[tuple[str, str]]:
        """(key, why) for each setting that would keep personal data longer than another says:
        the seals and the printed documents carry the visitor's data, so they may not outlive
        the visit they belong to."""
        found: list[tuple[str, str]] = []
        for key in ("id_seals_days", "print_jobs_days"):
            days = getattr(self, key)
            if days > self.visits_days:
                found.append(
                    (
                        key,
                        f"{days} is longer than visits_days ({self.visits_days}): it would keep a "
                        "visitor's data after the visit itself was purged",
                    )
                )
        return found

    def day_keys(self) -> list[str]:
        return [f.name for f in fields(self) if f.name.endswith("_days")]
