# Makes the kiosk window the whole session of a Windows account: it signs in, the kiosk starts
# full screen instead of the desktop (no Start menu, no taskbar, no Explorer), and starts again
# if it ever exits. Administrators keep the normal desktop. See docs/install-windows.md.
#
# As an administrator, after the account has signed in once (so its profile exists):
#   Enterprise / Education / IoT Enterprise (Shell Launcher):
#     powershell -ExecutionPolicy Bypass -File "C:\Program Files\Lobby Kiosk\kiosk-shell.ps1" -User kiosk
#   Windows Pro (no Shell Launcher; the account's own shell setting and a restart loop):
#     ... kiosk-shell.ps1 -User kiosk -Pro
#   A guard screen instead of the visitor kiosk:       ... -User guard -Role guard
#   Back to the normal desktop for that account:       ... -User kiosk -Undo

[CmdletBinding()]
param(
    [Parameter(Mandatory = $true)][string]$User,
    [ValidateSet("kiosk", "guard", "desk")][string]$Role = "kiosk",
    [switch]$Pro,
    [switch]$Undo
)

$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest
$App = $PSScriptRoot
$Sid = (New-Object System.Security.Principal.NTAccount($User)).Translate(
    [System.Security.Principal.SecurityIdentifier]).Value

if (-not $Pro) {
    # Shell Launcher: a Windows feature (Enterprise, Education, IoT Enterprise), configured per
    # account SID through WMI. Action 0 = restart the shell when it exits.
    $Feature = Get-WindowsOptionalFeature -Online -FeatureName Client-EmbeddedShellLauncher
    if ($Feature.State -ne "Enabled") {
        Enable-WindowsOptionalFeature -Online -FeatureName Client-EmbeddedShellLauncher -NoRestart | Out-Null
        Write-Warning "Shell Launcher was just enabled: restart Windows, then run this script again."
        return
    }
    $Launcher = [wmiclass]"\\localhost\root\standardcimv2\embedded:WESL_UserSetting"
    if ($Undo) {
        $Launcher.RemoveCustomShell($Sid) | Out-Null
        Write-Host "$User signs in to the normal desktop again."
        return
    }
    $Launcher.SetDefaultShell("explorer.exe", 0) | Out-Null   # everyone else: the usual desktop
    $Shell = "`"$App\kiosk-window.exe`" run --role $Role"
    try { $Launcher.RemoveCustomShell($Sid) | Out-Null } catch { }  # replace an older setting
    $Launcher.SetCustomShell($Sid, $Shell, $null, $null, 0) | Out-Null
    $Launcher.SetEnabled($true) | Out-Null
    Write-Host "$User now signs in to the $Role window ($Shell), restarted if it exits."
    return
}

# Windows Pro: the account's own Winlogon Shell value (in its registry hive) replaces Explorer for
# that account only; kiosk-shell.cmd restarts the window if it exits. Weaker than Shell Launcher:
# Ctrl+Alt+Del still offers Task Manager unless a policy removes it (see the docs).
$ProfileDir = (Get-CimInstance Win32_UserProfile | Where-Object { $_.SID -eq $Sid }).LocalPath
if (-not $ProfileDir) { throw "$User has no profile yet: sign in as $User once, sign out, then run this again" }
$Hive = "HKU\LobbyKioskUser"
$Loaded = -not (Test-Path "Registry::HKEY_USERS\$Sid")
$Root = if ($Loaded) { & reg.exe load $Hive (Join-Path $ProfileDir "NTUSER.DAT") | Out-Null; $Hive } else { "HKU\$Sid" }
try {
    $Key = "$Root\Software\Microsoft\Windows NT\CurrentVersion\Winlogon"
    if ($Undo) {
        & reg.exe delete $Key /v Shell /f | Out-Null
        Write-Host "$User signs in to the normal desktop again."
    } else {
        & reg.exe add $Key /v Shell /t REG_SZ /d "`"$App\kiosk-shell.cmd`" $Role" /f | Out-Null
        Write-Host "$User now signs in to the $Role window (kiosk-shell.cmd), restarted if it exits."
    }
} finally {
    if ($Loaded) { [gc]::Collect(); & reg.exe unload $Hive | Out-Null }
}
