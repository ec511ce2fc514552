; Inno Setup 6 script: the Windows installer of Lobby Kiosk. Compiled by build.ps1 after the
; PyInstaller build, which passes /DAppVersion, /DBundle (dist\lobby-kiosk) and /DNssm:
;   ISCC /DAppVersion=0.1.0 /DBundle=..\..\dist\lobby-kiosk /DNssm=vendor\nssm.exe lobby-kiosk.iss
;
; What it does:
;   - the program in C:\Program Files\Lobby Kiosk (kiosk.exe, kiosk-window.exe, _internal\);
;   - C:\ProgramData\Lobby Kiosk\kiosk.toml from the sample, only if there is none (a site's
;     changed configuration is never overwritten, by an update or a reinstall);
;   - optionally the site server as a Windows service, through NSSM (service.ps1 says why), with
;     its state in C:\ProgramData\Lobby Kiosk\data (service and administrators only) and a
;     firewall rule for its port;
;   - Start menu entries and a desktop shortcut for the desk console;
;   - uninstalling removes the program and the service, and keeps C:\ProgramData\Lobby Kiosk
;     (the site's database, keys and logs) unless the technician ticks the box to delete it.
; The kiosk account's full-screen session (Shell Launcher) is set with kiosk-shell.ps1, because it
; names a Windows account that often does not exist yet when the program is installed.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef Bundle
  #define Bundle "..\..\dist\lobby-kiosk"
#endif
#ifndef Nssm
  #define Nssm "vendor\nssm.exe"
#endif
#define AppName "Lobby Kiosk"
#define MachineDir "{commonappdata}\Lobby Kiosk"

[Setup]
; A fixed AppId: updates install over the previous version instead of beside it.
AppId={{6A0F3C52-8E4B-4C1D-9B7E-3F2A51D0C8A4}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Lobby Kiosk
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequired=admin
MinVersion=10.0.17763
LicenseFile=..\..\LICENSE
SetupIconFile=lobby-kiosk.ico
UninstallDisplayIcon={app}\kiosk.exe
OutputBaseFilename=lobby-kiosk-setup-{#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; The service's program files are in use while it runs: service.ps1 stops it first (see [Code]).
CloseApplications=yes

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
; Inno Setup ships the Simplified Chinese messages as an unofficial translation: copy
; ChineseSimplified.isl into its Languages folder (build machine only) to offer it.
#if FileExists(CompilerPath + "Languages\ChineseSimplified.isl")
Name: "zh_CN"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#endif

[Types]
Name: "station"; Description: "Station (kiosk, desk or guard screen) of an existing site server"
Name: "server"; Description: "Site server and station on this PC"
Name: "custom"; Description: "Custom"; Flags: iscustom

[Components]
Name: "program"; Description: "Lobby Kiosk"; Types: station server custom; Flags: fixed
Name: "server"; Description: "Site server as a Windows service (kiosk serve)"; Types: server

[Tasks]
Name: "deskicon"; Description: "Desktop shortcut for the desk console"; Components: program
Name: "firewall"; Description: "Let stations reach the site server through Windows Firewall (TCP 8443)"; Components: server

[Dirs]
Name: "{#MachineDir}"
Name: "{#MachineDir}\logs"

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "{#Nssm}"; DestDir: "{app}"; Flags: ignoreversion
Source: "service.ps1"; DestDir: "{app}"; Flags: ignoreversion
Source: "kiosk-shell.ps1"; DestDir: "{app}"; Flags: ignoreversion
Source: "kiosk-shell.cmd"; DestDir: "{app}"; Flags: ignoreversion
Source: "kiosk-server.cmd"; DestDir: "{app}"; Flags: ignoreversion; Components: server
Source: "..\..\LICENSE"; DestDir: "{app}"; DestName: "LICENSE.txt"; Flags: ignoreversion
Source: "..\..\docs\install-windows.md"; DestDir: "{app}\docs"; Flags: ignoreversion
; The site's configuration: the sample the first time, never again (onlyifdoesntexist), and kept
; when the program is uninstalled.
Source: "..\..\resources\kiosk.sample.toml"; DestDir: "{#MachineDir}"; DestName: "kiosk.toml"; Flags: onlyifdoesntexist uninsneveruninstall

[Icons]
Name: "{group}\Desk console"; Filename: "{app}\kiosk-window.exe"; Parameters: "run --role desk"; IconFilename: "{app}\kiosk.exe"
Name: "{group}\Guard screen"; Filename: "{app}\kiosk-window.exe"; Parameters: "run --role guard"; IconFilename: "{app}\kiosk.exe"
Name: "{group}\Visitor kiosk"; Filename: "{app}\kiosk-window.exe"; Parameters: "run --role kiosk"; IconFilename: "{app}\kiosk.exe"
; kiosk doctor in a console that stays open, so its report can be read.
Name: "{group}\Check this PC (kiosk doctor)"; Filename: "{cmd}"; Parameters: "/k ""{app}\kiosk.exe"" doctor"; WorkingDir: "{app}"
Name: "{group}\Configuration (kiosk.toml)"; Filename: "notepad.exe"; Parameters: """{#MachineDir}\kiosk.toml"""
Name: "{group}\Installation guide"; Filename: "{app}\docs\install-windows.md"
Name: "{autodesktop}\Lobby Kiosk desk"; Filename: "{app}\kiosk-window.exe"; Parameters: "run --role desk"; IconFilename: "{app}\kiosk.exe"; Tasks: deskicon

[Run]
; The service: created (or updated) and started. -Port matches [server] listen's default; a site
; that changes it runs service.ps1 again with its port.
Filename: "powershell.exe"; Parameters: "-NoProfile -ExecutionPolicy Bypass -File ""{app}\service.ps1"" -Install {code:FirewallSwitch}"; StatusMsg: "Installing the site server service..."; Flags: runhidden waituntilterminated; Components: server

[UninstallRun]
Filename: "powershell.exe"; Parameters: "-NoProfile -ExecutionPolicy Bypass -File ""{app}\service.ps1"" -Remove"; Flags: runhidden waituntilterminated; RunOnceId: "RemoveService"

[Code]
var
  DeleteData: Boolean;

function FirewallSwitch(Param: String): String;
begin
  { service.ps1 opens the port unless told not to. }
  if WizardIsTaskSelected('firewall') then Result := '' else Result := '-NoFirewall';
end;

{ An update replaces files the running service holds open: stop it first; [Run] starts it again. }
function PrepareToInstall(var NeedsRestart: Boolean): String;
var
  Code: Integer;
begin
  Exec(ExpandConstant('{sys}\sc.exe'), 'stop LobbyKioskServer', '', SW_HIDE, ewWaitUntilTerminated, Code);
  Sleep(2000);
  Result := '';
end;

function InitializeUninstall(): Boolean;
begin
  { The data folder holds the site's database, keys and logs: kept unless asked for. }
  DeleteData := MsgBox('Also delete the site''s data (database, keys, logs and kiosk.toml in ' +
    ExpandConstant('{commonappdata}') + '\Lobby Kiosk)?' + #13#10#13#10 +
    'Choose No to keep it for a reinstall or an update. Back up the keys first (kiosk keys backup).',
    mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES;
  Result := True;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and DeleteData then
    DelTree(ExpandConstant('{commonappdata}') + '\Lobby Kiosk', True, True, True);
end;
