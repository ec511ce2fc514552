@echo off
rem The kiosk account's shell on Windows Pro, set by kiosk-shell.ps1 -Pro (Enterprise and IoT
rem Enterprise use Shell Launcher instead): opens the window for the role given (kiosk, guard,
rem desk) full screen, and opens it again whenever it exits, so a visitor never reaches a desktop.
rem The short wait keeps a window that fails at once from spinning the CPU.
set ROLE=%~1
if "%ROLE%"=="" set ROLE=kiosk
:again
"%~dp0kiosk-window.exe" run --role %ROLE%
timeout /t 3 /nobreak >nul
goto again
