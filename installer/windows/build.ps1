# Builds the Windows installer of Lobby Kiosk: dist\lobby-kiosk-setup-VERSION.exe.
#
# On a Windows 10/11 x64 build machine with:
#   - Python 3.11 x64 (python.org; "py -3.11" must work)
#   - Inno Setup 6 (ISCC.exe; https://jrsoftware.org/isinfo.php)
#   - internet access to PyPI (or a mirror set in pip.ini) and, once, to nssm.cc
# From the checkout's root, in PowerShell:
#   powershell -ExecutionPolicy Bypass -File installer\windows\build.ps1
# Steps: a fresh venv from requirements.lock (the exact, hash-checked versions `make test` tests),
# the project built as a wheel and installed into it (so kiosk\_resources exists: translations
# compiled, demo data, sample config), PyInstaller's one-folder build (lobby-kiosk.spec), a check
# that the frozen program starts, then Inno Setup's compiler (lobby-kiosk.iss).

[CmdletBinding()]
param(
    # NSSM (the service wrapper) is downloaded once into installer\windows\vendor\. Give its zip's
    # SHA-256 (from nssm.cc, or from a copy you trust) to have it checked.
    [string]$NssmSha256 = "",
    [string]$NssmUrl = "https://nssm.cc/release/nssm-2.24.zip",
    [string]$Iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe",
    # Skip the frozen program's start check (a build machine without a display driver).
    [switch]$NoSmoke
)

$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest
$Here = $PSScriptRoot
$Root = Resolve-Path (Join-Path $Here "..\..")
$Venv = Join-Path $Root "build\win-venv"
$Python = Join-Path $Venv "Scripts\python.exe"
Set-Location $Root

function Step($text) { Write-Host "==> $text" -ForegroundColor Cyan }
function Run($exe, [string[]]$arguments) {
    & $exe @arguments
    if ($LASTEXITCODE -ne 0) { throw "$exe $($arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

Step "Fresh build venv from requirements.lock"
if (Test-Path $Venv) { Remove-Item -Recurse -Force $Venv }
Run "py" @("-3.11", "-m", "venv", $Venv)
Run $Python @("-m", "pip", "install", "--quiet", "--upgrade", "pip")
# Every pin with its hash: the same versions on the kiosk PC as in the tests (pywin32 included,
# by its Windows marker).
Run $Python @("-m", "pip", "install", "--quiet", "--require-hashes", "-r", "requirements.lock")
# The build tool is not part of the program: not in the lock, pinned here.
Run $Python @("-m", "pip", "install", "--quiet", "pyinstaller>=6.10,<7", "build")

Step "The project as a wheel (resources as package data), installed without touching the pins"
if (Test-Path "dist\*.whl") { Remove-Item "dist\*.whl" }
Run $Python @("-m", "build", "--wheel", "--outdir", "dist")
$Wheel = (Get-ChildItem "dist\lobby_kiosk-*.whl" | Select-Object -First 1).FullName
Run $Python @("-m", "pip", "install", "--quiet", "--no-deps", "--force-reinstall", $Wheel)
Run $Python @("-m", "pip", "check")
$Version = (& $Python -c "import kiosk; print(kiosk.__version__)").Trim()

Step "NSSM (runs kiosk serve as a Windows service)"
$Vendor = Join-Path $Here "vendor"
$Nssm = Join-Path $Vendor "nssm.exe"
if (-not (Test-Path $Nssm)) {
    New-Item -ItemType Directory -Force $Vendor | Out-Null
    $Zip = Join-Path $Vendor "nssm.zip"
    Invoke-WebRequest -Uri $NssmUrl -OutFile $Zip
    $Actual = (Get-FileHash -Algorithm SHA256 $Zip).Hash
    if ($NssmSha256 -and $Actual -ne $NssmSha256.ToUpper()) {
        throw "nssm.zip has SHA-256 $Actual, not the $NssmSha256 given: not using it"
    }
    if (-not $NssmSha256) { Write-Warning "nssm.zip not checked (SHA-256 $Actual): pass -NssmSha256 to check it" }
    Expand-Archive -Force $Zip (Join-Path $Vendor "nssm")
    Copy-Item (Get-ChildItem (Join-Path $Vendor "nssm") -Recurse -Filter nssm.exe |
        Where-Object { $_.FullName -match "\\win64\\" } | Select-Object -First 1).FullName $Nssm
}

Step "PyInstaller one-folder build"
Run $Python @("-m", "PyInstaller", "--noconfirm", "--clean", "--distpath", "dist", "--workpath", "build\pyinstaller",
    (Join-Path $Here "lobby-kiosk.spec"))
$Bundle = Join-Path $Root "dist\lobby-kiosk"

Step "The frozen program starts"
Run (Join-Path $Bundle "kiosk.exe") @("--version")
if (-not $NoSmoke) {
    # Its own scratch folders: the build machine's profile is not touched.
    $Scratch = Join-Path $Root "build\smoke"
    $env:KIOSK_DATA_DIR = Join-Path $Scratch "data"
    $env:KIOSK_LOG_DIR = Join-Path $Scratch "logs"
    Run (Join-Path $Bundle "kiosk.exe") @("run", "--smoke")
    Remove-Item Env:\KIOSK_DATA_DIR, Env:\KIOSK_LOG_DIR
}
$Size = (Get-ChildItem -Recurse $Bundle | Measure-Object -Sum Length).Sum / 1MB
Write-Host ("bundle: {0:N0} MB in {1}" -f $Size, $Bundle)

Step "Inno Setup"
if (-not (Test-Path $Iscc)) { throw "Inno Setup 6 not found at $Iscc (install it, or pass -Iscc)" }
Run $Iscc @("/Qp", "/DAppVersion=$Version", "/DBundle=$Bundle", "/DNssm=$Nssm", "/O$(Join-Path $Root "dist")", (Join-Path $Here "lobby-kiosk.iss"))
Write-Host "installer: dist\lobby-kiosk-setup-$Version.exe" -ForegroundColor Green
