; Inno Setup recipe for Gastro Hub Desktop: installs the PyInstaller one-folder app
; (dist\gastro-hub) for the current user, without administrator rights, into
; %LOCALAPPDATA%\Programs\Gastro Hub, with a Start-menu shortcut, an optional desktop
; shortcut and an uninstaller (Settings > Apps). The data folder (%APPDATA%\gastro-hub-desktop)
; and the secrets in Windows Credential Manager are the user's and stay on uninstall.
;
; installers\build.py compiles it after building the app:
;   iscc /Q /DAppVersion=0.1.0 /DBundleDir=<repo>\dist\gastro-hub /O<repo>\dist\installer
;        /DIconFile=<repo>\build\pyinstaller\gastro-hub\icons\gastro-hub.ico gastro-hub.iss
; Needs Inno Setup 6.3 or later (the x64compatible architecture name); Inno Setup 7 works too.

#define AppName "Gastro Hub"
#define AppExeName "gastro-hub.exe"
#define AppPublisher "Gastro Hub"

#ifndef BundleDir
  #define BundleDir AddBackslash(SourcePath) + "..\..\dist\gastro-hub"
#endif
#ifndef AppVersion
  ; the version the spec wrote into gastro-hub.exe (build.py passes it from the package)
  #define AppVersion GetVersionNumbersString(AddBackslash(BundleDir) + AppExeName)
#endif

[Setup]
; The AppId identifies the app across versions (upgrades, uninstall): never change it.
AppId={{484CED61-18CD-47F4-A678-ADEA417E6056}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
; Per-user install, no UAC prompt: {autopf} is {userpf} = %LOCALAPPDATA%\Programs here.
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Qt 6 needs Windows 10 or later.
MinVersion=10.0
OutputDir={#AddBackslash(SourcePath) + "..\..\dist\installer"}
OutputBaseFilename=gastro-hub-setup-{#AppVersion}
#ifdef IconFile
SetupIconFile={#IconFile}
#endif
UninstallDisplayIcon={app}\{#AppExeName}
UninstallDisplayName={#AppName}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
; A running Gastro Hub is closed (Restart Manager) before its files are replaced or removed.
CloseApplications=yes
RestartApplications=no
SetupLogging=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "czech"; MessagesFile: "compiler:Languages\Czech.isl"
Name: "german"; MessagesFile: "compiler:Languages\German.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExeName}"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}"; WorkingDir: "{app}"; Tasks: desktopicon

[Registry]
; "Start at login" (File > Settings) writes this value (ui/autostart.py); the uninstaller
; removes it so Windows does not try to start a program that is gone.
Root: HKCU; Subkey: "Software\Microsoft\Windows\CurrentVersion\Run"; ValueType: none; ValueName: "{#AppName}"; Flags: dontcreatekey uninsdeletevalue

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram,{#StringChange(AppName, '&', '&&')}}"; Flags: nowait postinstall skipifsilent
