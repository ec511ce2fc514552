# The site server as a Windows service, run by the installer (lobby-kiosk.iss) and by hand for a
# repair. As an administrator:
#   powershell -ExecutionPolicy Bypass -File "C:\Program Files\Lobby Kiosk\service.ps1" -Install
#   powershell -ExecutionPolicy Bypass -File "C:\Program Files\Lobby Kiosk\service.ps1" -Remove
#
# Why NSSM: `kiosk serve` is an ordinary console program. sc.exe alone cannot run one (the service
# manager kills a program that never answers it, after 30 s); a pywin32 service class would be
# more frozen code that only Windows can test. NSSM answers the service manager for it, restarts
# it when it exits (with a back-off), stops it with Ctrl+C first so uvicorn closes its connections
# and the database cleanly, and rotates its console output. One small, widely used executable.
#
# The service runs as its own virtual account, NT SERVICE\LobbyKioskServer: no password to keep,
# no rights beyond the folders granted below (LocalSystem would be far more than it needs).

[CmdletBinding(DefaultParameterSetName = "Install")]
param(
    [Parameter(ParameterSetName = "Install")][switch]$Install,
    [Parameter(ParameterSetName = "Remove", Mandatory = $true)][switch]$Remove,
    # The port of [server] listen in kiosk.toml (the firewall rule opens it).
    [int]$Port = 8443,
    # Leave Windows Firewall alone (a site that manages it by group policy).
    [switch]$NoFirewall
)

$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest

$Name = "LobbyKioskServer"
$Account = "NT SERVICE\$Name"
$App = $PSScriptRoot                                         # C:\Program Files\Lobby Kiosk
$Nssm = Join-Path $App "nssm.exe"
$Machine = Join-Path $env:ProgramData "Lobby Kiosk"          # kiosk.config.windows_machine_dir
$Config = Join-Path $Machine "kiosk.toml"
$Data = Join-Path $Machine "data"                            # database, keys\, exports\
$Logs = Join-Path $Machine "logs"
$FirewallRule = "Lobby Kiosk site server"

function Nssm([string[]]$arguments) {
    & $Nssm @arguments | Out-Null
    if ($LASTEXITCODE -ne 0) { throw "nssm $($arguments -join ' ') failed ($LASTEXITCODE)" }
}

if ($Remove) {
    if (Get-Service $Name -ErrorAction SilentlyContinue) {
        & $Nssm stop $Name | Out-Null           # may already be stopped
        Nssm @("remove", $Name, "confirm")
    }
    Get-NetFirewallRule -DisplayName $FirewallRule -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    # The data folder stays: the site's database and keys (the uninstaller asks before deleting it).
    return
}

if (-not (Get-Service $Name -ErrorAction SilentlyContinue)) {
    Nssm @("install", $Name, (Join-Path $App "kiosk.exe"))
}
Nssm @("set", $Name, "AppParameters", "serve --config `"$Config`"")
Nssm @("set", $Name, "AppDirectory", $Machine)
# The server's state and logs, outside any user's profile (kiosk.config: KIOSK_DATA_DIR, KIOSK_LOG_DIR).
Nssm @("set", $Name, "AppEnvironmentExtra", "KIOSK_DATA_DIR=$Data", "KIOSK_LOG_DIR=$Logs")
Nssm @("set", $Name, "DisplayName", "Lobby Kiosk site server")
Nssm @("set", $Name, "Description", "The lobby's site server (kiosk serve): database, keys, stations' API.")
Nssm @("set", $Name, "Start", "SERVICE_AUTO_START")
# Restarted whenever it exits; NSSM waits longer between tries if it keeps failing at once.
Nssm @("set", $Name, "AppExit", "Default", "Restart")
Nssm @("set", $Name, "AppRestartDelay", "5000")
# Ctrl+C, then 15 s to finish before it is ended.
Nssm @("set", $Name, "AppStopMethodConsole", "15000")
# Anything printed before logging starts (a configuration error) lands here, rotated at 10 MB.
New-Item -ItemType Directory -Force $Data, $Logs | Out-Null
Nssm @("set", $Name, "AppStdout", (Join-Path $Logs "service-output.log"))
Nssm @("set", $Name, "AppStderr", (Join-Path $Logs "service-output.log"))
Nssm @("set", $Name, "AppRotateFiles", "1")
Nssm @("set", $Name, "AppRotateOnline", "1")
Nssm @("set", $Name, "AppRotateBytes", "10485760")
# Its own virtual account (created with the service; needs no password).
& sc.exe config $Name obj= $Account | Out-Null
if ($LASTEXITCODE -ne 0) { throw "sc.exe config $Name obj= $Account failed ($LASTEXITCODE)" }

# The data folder: the service and administrators only (the database and keys hold personal data;
# %PROGRAMDATA% is readable by every user). Inheritance off, then exactly these grants.
& icacls $Data /inheritance:r /grant:r "*S-1-5-18:(OI)(CI)F" "*S-1-5-32-544:(OI)(CI)F" "${Account}:(OI)(CI)M" | Out-Null
if ($LASTEXITCODE -ne 0) { throw "icacls $Data failed ($LASTEXITCODE)" }
# Logs: written by the service, read by administrators (kiosk logs).
& icacls $Logs /grant "${Account}:(OI)(CI)M" | Out-Null
# The configuration: readable by the service (and every user: stations read it too), not writable.
& icacls $Config /grant "${Account}:R" | Out-Null

# The stations reach the server on its port, on private and domain networks only.
if (-not $NoFirewall -and -not (Get-NetFirewallRule -DisplayName $FirewallRule -ErrorAction SilentlyContinue)) {
    New-NetFirewallRule -DisplayName $FirewallRule -Direction Inbound -Action Allow -Protocol TCP `
        -LocalPort $Port -Program (Join-Path $App "kiosk.exe") -Profile Domain, Private | Out-Null
}

Start-Service $Name
Write-Host "Lobby Kiosk site server: installed and started (logs in $Logs)"
