"""Telling the duty officer (物业总值 / 管理处值班人员) and the patrol guard (巡逻岗), on the hosts'
channels (kiosk.services.host_channels): a group robot, an SMS or an e-mail.

The duty officer is told of every visit they must approve (each check-in at night; a government
official or a visiting group at any hour), with links that decide as the duty officer; a host's
link never can. The patrol guard is told to follow a resident let in on the resident records.
Neither message carries more of the visitor than the decision page shows: the name masked.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from kiosk.domain.notify import NotifyChannel
from kiosk.domain.visitor import mask_name
from kiosk.domain.visitor_kinds import KindSettings
from kiosk.services.clock import Clock
from kiosk.services.host_channels import HostChannelNotifier
from kiosk.services.host_contact import HostContact
from kiosk.services.host_notify import LINK_LIFETIME, decision_links

log = logging.getLogger(__name__)

# The contacts are not hosts of the directory: no host id.
_NO_HOST = 0


@dataclass(frozen=True)
class DutyNotice:
    """A visit for the duty officer to approve."""

    visit_id: int
    visitor_name: str
    company: str
    visiting: str  # the host's or the unit's name
    party_size: int
    requested_at: datetime
    night: bool


class DutyOfficerNotifier:
    """Sends the duty officer's and the patrol guard's notices on their configured channels."""

    def __init__(
        self,
        channels: HostChannelNotifier,
        settings: KindSettings,
        decision_url: str,
        key: bytes,
        clock: Clock,
        site_name: str,
    ) -> None:
        self._channels = channels
        self._settings = settings
        self._decision_url = decision_url
        self._key = key
        self._clock = clock
        self._site = site_name

    def _contact(self, channel: str, address: str, mobile: str, name: str) -> HostContact | None:
        if not channel:
            return None
        chosen = NotifyChannel(channel)
        return HostContact(
            _NO_HOST,
            name,
            email=address if chosen is NotifyChannel.EMAIL else None,
            mobile=mobile or (address if chosen is NotifyChannel.SMS else None),
            notify_channel=chosen,
            notify_address=address or None,
        )

    def tell_duty_officer(self, notice: DutyNotice, zone_now: datetime) -> NotifyChannel | None:
        """The duty officer asked to approve ``notice``'s visit; ``zone_now``: the time in the
        site's zone for the message. Returns the channel used (None: not configured, or nothing
        reaches them); raises when the channel refuses."""
        settings = self._settings
        contact = self._contact(
            settings.duty_officer_channel,
            settings.duty_officer_address,
            settings.duty_officer_mobile,
            settings.duty_officer_name,
        )
        if contact is None:
            return None
        links = decision_links(self._decision_url, self._key, notice.visit_id, self._clock.now(), True)
        visitor = mask_name(notice.visitor_name)
        who_zh = f"{visitor}（{notice.company}）" if notice.company else visitor
        who_en = f"{visitor} ({notice.company})" if notice.company else visitor
        minutes = int(LINK_LIFETIME.total_seconds() // 60)
        at = f"{zone_now:%H:%M}"
        headline = "【夜间来访 Night visitor】" if notice.night else "【来访审批 Visit to approve】"
        text = (
            f"{headline}{self._site}\n"
            f"{settings.duty_officer_name}：{who_zh} {notice.party_size} 人于 {at} 在大堂登记，"
            f"拜访 {notice.visiting}，请审批。\n"
            f"{who_en}, {notice.party_size} in party, checked in at {at} to visit {notice.visiting}: "
            "please approve or decline.\n"
            f"同意 Accept：{links.accept}\n"
            f"谢绝 Decline：{links.decline}\n"
            f"链接 {minutes} 分钟内有效 / The links work for {minutes} minutes."
        )
        short = (
            f"{self._site}：{visitor}于{at}来访{notice.visiting}，请审批 Visitor to approve: {links.choose}"
        )
        channel = self._channels.send_notice(contact, f"来访审批 Visit to approve: {visitor}", text, short)
        log.info(
            "duty officer told of visit %s by %s", notice.visit_id, channel.value if channel else "nothing"
        )
        return channel

    def tell_patrol(
        self, admission_id: int, unit: str, name: str, zone_now: datetime
    ) -> NotifyChannel | None:
        """The patrol guard told to follow a resident let in without a card on the records."""
        settings = self._settings
        contact = self._contact(
            settings.patrol_channel, settings.patrol_address, settings.patrol_mobile, "巡逻岗"
        )
        if contact is None:
            return None
        who = mask_name(name)
        at = f"{zone_now:%H:%M}"
        text = (
            f"【巡逻跟踪 Patrol follow-up】{self._site}\n"
            f"{at} 自称 {unit} 住户的 {who} 无卡进入大堂（对讲无人应答，已核对业户资料），请跟踪。\n"
            f"At {at}, {who}, who says they live in {unit}, came in without a card (nobody answered "
            "the intercom; checked against the resident records): please follow."
        )
        short = f"{self._site}：{at} {unit} 住户{who}无卡进入，请巡逻岗跟踪 Please follow: {unit}"
        channel = self._channels.send_notice(contact, f"巡逻跟踪 Patrol follow-up: {unit}", text, short)
        log.info("patrol told of admission %s by %s", admission_id, channel.value if channel else "nothing")
        return channel
