; Inno Setup 6 script: a per-user installer of the PyInstaller bundle dist\chorus-wizard\.
;
;   iscc /DAppVersion=0.1.0 /DAppVersionNumeric=0.1.0.0 packaging\windows\chorus-wizard.iss
;
; The two versions come from chorus_wizard/__init__.py through `python packaging/version.py`
; (and `--numeric`); the defaults below only serve a manual run. Output:
; dist\installer\chorus-wizard-<version>-setup.exe. No administrator rights are needed: the
; program goes to %LOCALAPPDATA%\Programs\chorus-wizard and the chorus-wizard:// link scheme is
; registered for the current user only (HKCU\Software\Classes).

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef AppVersionNumeric
  #define AppVersionNumeric "0.0.0.0"
#endif
#define AppName "chorus-wizard"
#define AppExe "chorus-wizard.exe"
#define Scheme "chorus-wizard"

[Setup]
AppId={{6C1E9E0B-5B7A-4C8E-9A61-3E2C2B7F4D15}
AppName={#AppName}
AppVerName={#AppName} {#AppVersion}
AppVersion={#AppVersion}
AppPublisher=chorus-wizard
AppComments=Assistant d'inscription à Chorus Pro pour les petites entreprises
AppCopyright=Licence MIT
VersionInfoVersion={#AppVersionNumeric}
VersionInfoProductVersion={#AppVersionNumeric}
VersionInfoDescription=Installation de chorus-wizard
VersionInfoProductName={#AppName}
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
SourceDir=..\..
OutputDir=dist\installer
OutputBaseFilename={#AppName}-{#AppVersion}-setup
SetupIconFile=packaging\windows\chorus-wizard.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
ChangesAssociations=yes

[Languages]
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "dist\chorus-wizard\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Créer un compte Chorus Pro"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; The activation mail's chorus-wizard://activer?code=… link opens the program, which hands it
; to the wizard already running (see chorus_wizard/instance.py).
Root: HKCU; Subkey: "Software\Classes\{#Scheme}"; ValueType: string; ValueName: ""; ValueData: "URL:Lien d'activation chorus-wizard"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\{#Scheme}"; ValueType: string; ValueName: "URL Protocol"; ValueData: ""
Root: HKCU; Subkey: "Software\Classes\{#Scheme}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"",0"
Root: HKCU; Subkey: "Software\Classes\{#Scheme}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
