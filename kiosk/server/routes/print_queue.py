"""The desk's print queue: every station's jobs, "send now" and "reprint (copy)", each job's stored
document for a preview, and what each station's printers last said of themselves."""

from __future__ import annotations

from fastapi import APIRouter

from kiosk.api.schemas import PrinterStatesReport
from kiosk.devices.interfaces import PrinterStatus
from kiosk.domain.views import PrinterState, PrintJobView, PrintOutcome, StationPrinters, StoredDocument
from kiosk.server.auth import Context, Who, action_route
from kiosk.server.routes import PathId
from kiosk.services.print_queue import printing_for

router = APIRouter(prefix="/api/v1", tags=["print queue"])
_STATES = {state.value for state in PrinterStatus}


@router.get("/print-queue/jobs", response_model=list[PrintJobView], **action_route("print_queue.list"))
def jobs(context: Context) -> list[PrintJobView]:
    return context.core.print_queue.jobs()


@router.get(
    "/print-queue/jobs/{job_id}/document",
    response_model=StoredDocument,
    **action_route("print_queue.document"),
)
def document(job_id: PathId, context: Context) -> StoredDocument:
    return context.core.print_queue.stored(job_id)


@router.post(
    "/print-queue/jobs/{job_id}/send-now", response_model=PrintOutcome, **action_route("print_queue.send_now")
)
def send_now(job_id: PathId, context: Context, caller: Who) -> PrintOutcome:
    """Due at once on the printer it belongs to: a station's job is that station's to print (it is
    told at once); only this server's own jobs print here and now."""
    outcome = context.core.print_queue.send_now(job_id, caller.actor)
    context.events.publish("print_queue")
    context.events.publish("board")
    return outcome


@router.post(
    "/print-queue/jobs/{job_id}/reprint", response_model=PrintOutcome, **action_route("print_queue.reprint")
)
def reprint(job_id: PathId, context: Context, caller: Who) -> PrintOutcome:
    """Decided: the copy prints at the station that asks for it, where the person who wants it
    stands, whichever station printed the original."""
    with printing_for(caller.station.name):
        outcome = context.core.print_queue.reprint(job_id, caller.actor)
    context.events.publish("print_queue")
    return outcome


@router.get(
    "/print-queue/printers", response_model=list[StationPrinters], **action_route("print_queue.printers")
)
def printers(context: Context) -> list[StationPrinters]:
    return context.printer_states.listing()


@router.post("/print-jobs/printer-states", status_code=204, **action_route("print_jobs.printer_states"))
def report_printer_states(body: PrinterStatesReport, context: Context, caller: Who) -> None:
    """A station's print runner, after each round: its printers as they said."""
    states = [
        PrinterState(p.name, p.status if p.status in _STATES else PrinterStatus.UNKNOWN.value)
        for p in body.printers
    ]
    if context.printer_states.report(caller.station.name, states, context.core.clock.now()):
        context.events.publish("print_queue")
