@echo off
rem The `kiosk` command as the site server service runs it: its data (database, keys\) and logs in
rem %ProgramData%\Lobby Kiosk, as service.ps1 gives the service (KIOSK_DATA_DIR, KIOSK_LOG_DIR).
rem For the server's own commands, in an administrator's command prompt, e.g.
rem   kiosk-server station add --role kiosk --name Lobby-1
rem   kiosk-server keys backup D:\site-keys.bin
rem   kiosk-server logs --since 1h
rem Plain kiosk.exe keeps a user's own data in that user's profile (a station's enrolment, a demo).
setlocal
set "KIOSK_DATA_DIR=%ProgramData%\Lobby Kiosk\data"
set "KIOSK_LOG_DIR=%ProgramData%\Lobby Kiosk\logs"
"%~dp0kiosk.exe" %*
