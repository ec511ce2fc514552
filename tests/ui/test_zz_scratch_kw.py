from tests.ui.test_kiosk_window import *  # noqa

def test_dbg(qtbot, app, printer):
    printer.state = PrinterStatus.OFFLINE
    kiosk = open_kiosk(qtbot, app)
    walk_to_review(qtbot, kiosk, "Emily Carter", "销售", "孙磊")
    visit_id = submit_and_wait(qtbot, kiosk)
    app.checkin.approve(visit_id, DESK, Approver.HOST)
    qtbot.waitUntil(lambda: current_page(kiosk) == "donePage", timeout=5000)
    desk = open_desk(qtbot, app)
    table = find(desk, QTableView, "onSiteTable")
    print("STATE", table.model().index(0, 7).data())
    printer.state = PrinterStatus.ONLINE
    table.selectRow(0)
    tap(qtbot, desk, "retryBadgeButton")
    status = find(desk, QLabel, "deskStatusLabel")
    qtbot.wait(3000)
    print("STATUS", status.text())
    with app.database.sessions() as s:
        from kiosk.storage.models import PrintJob
        for j in s.scalars(select(PrintJob)).all():
            print("JOB", j.id, j.status, j.last_error if hasattr(j,"last_error") else vars(j))
