; 举证助手 evidence_app — per-user Windows installer (NSIS 3, Unicode, amd64).
; Parameterised by build_windows.sh from the one version in pyproject.toml:
;   makensis -INPUTCHARSET UTF8 -DVERSION=… -DPAYLOAD=… -DOUTFILE=… -DICON=… -DLICENSE=… installer.nsi

Unicode true
Target amd64-unicode
RequestExecutionLevel user
SetCompressor /SOLID lzma
ManifestDPIAware true

!define APPID "evidence_app"
!define APPNAME "举证助手"
!define PUBLISHER "evidence_app"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APPID}"

Name "${APPNAME} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APPID}"
InstallDirRegKey HKCU "Software\${APPID}" "InstallDir"
BrandingText "${APPNAME} ${VERSION}"
VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${APPNAME}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "${APPNAME} Setup"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "LegalCopyright" "${PUBLISHER}"

!include "MUI2.nsh"
!include "FileFunc.nsh"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\python\pythonw.exe"
!define MUI_FINISHPAGE_RUN_PARAMETERS "-m evidence_app"
!define MUI_COMPONENTSPAGE_NODESC

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_LICENSE "${LICENSE}"
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

LangString SecApp ${LANG_SIMPCHINESE} "举证助手(必需)"
LangString SecApp ${LANG_ENGLISH} "Evidence Assistant (required)"
LangString SecDesktop ${LANG_SIMPCHINESE} "桌面快捷方式"
LangString SecDesktop ${LANG_ENGLISH} "Desktop shortcut"
LangString SecAssoc ${LANG_SIMPCHINESE} "用举证助手打开案例包 (.evpack)"
LangString SecAssoc ${LANG_ENGLISH} "Open case archives (.evpack) with Evidence Assistant"
LangString UnSecApp ${LANG_SIMPCHINESE} "卸载程序"
LangString UnSecApp ${LANG_ENGLISH} "Remove the program"
LangString UnSecData ${LANG_SIMPCHINESE} "同时删除证据库(所有案例和证据文件,不可恢复)"
LangString UnSecData ${LANG_ENGLISH} "Also delete the case library (all cases and evidence files, cannot be undone)"
LangString EvpackType ${LANG_SIMPCHINESE} "举证助手案例包"
LangString EvpackType ${LANG_ENGLISH} "Evidence Assistant case archive"

Function .onInit
  ; a per-user install: never ask for administrator rights, follow the system language
  SetShellVarContext current
FunctionEnd

Section "!$(SecApp)" SecApp
  SectionIn RO
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  ; upgrade in place: the previous version's program files go, the user's library (elsewhere) stays
  RMDir /r "$INSTDIR\python"
  RMDir /r "$INSTDIR\pkgs"
  RMDir /r "$INSTDIR\app"
  RMDir /r "$INSTDIR\licenses"
  File /r "${PAYLOAD}\*.*"
  File "/oname=$INSTDIR\app.ico" "${ICON}"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateDirectory "$SMPROGRAMS\${APPNAME}"
  CreateShortcut "$SMPROGRAMS\${APPNAME}\${APPNAME}.lnk" "$INSTDIR\python\pythonw.exe" "-m evidence_app" "$INSTDIR\app.ico" 0
  CreateShortcut "$SMPROGRAMS\${APPNAME}\卸载 ${APPNAME}.lnk" "$INSTDIR\uninstall.exe" "" "$INSTDIR\app.ico" 0
  WriteRegStr HKCU "Software\${APPID}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${APPNAME}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\app.ico"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINST_KEY}" "EstimatedSize" "$0"
SectionEnd

Section "$(SecDesktop)" SecDesktop
  SetShellVarContext current
  CreateShortcut "$DESKTOP\${APPNAME}.lnk" "$INSTDIR\python\pythonw.exe" "-m evidence_app" "$INSTDIR\app.ico" 0
SectionEnd

Section "$(SecAssoc)" SecAssoc
  WriteRegStr HKCU "Software\Classes\.evpack" "" "${APPID}.evpack"
  WriteRegStr HKCU "Software\Classes\${APPID}.evpack" "" "$(EvpackType)"
  WriteRegStr HKCU "Software\Classes\${APPID}.evpack\DefaultIcon" "" "$INSTDIR\app.ico"
  WriteRegStr HKCU "Software\Classes\${APPID}.evpack\shell\open\command" "" '"$INSTDIR\python\pythonw.exe" -m evidence_app "%1"'
  WriteRegStr HKCU "${UNINST_KEY}" "Association" "1"
SectionEnd

Section "un.$(UnSecApp)" UnSecApp
  SectionIn RO
  SetShellVarContext current
  Delete "$DESKTOP\${APPNAME}.lnk"
  RMDir /r "$SMPROGRAMS\${APPNAME}"
  RMDir /r "$INSTDIR\python"
  RMDir /r "$INSTDIR\pkgs"
  RMDir /r "$INSTDIR\app"
  RMDir /r "$INSTDIR\licenses"
  Delete "$INSTDIR\app.ico"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  ReadRegStr $0 HKCU "Software\Classes\.evpack" ""
  StrCmp $0 "${APPID}.evpack" 0 +3
    DeleteRegKey HKCU "Software\Classes\.evpack"
    DeleteRegKey HKCU "Software\Classes\${APPID}.evpack"
  DeleteRegKey HKCU "${UNINST_KEY}"
  DeleteRegKey HKCU "Software\${APPID}"
SectionEnd

; Not selected by default: the case library survives an uninstall unless the user ticks this.
Section /o "un.$(UnSecData)" UnSecData
  SetShellVarContext current
  RMDir /r "$LOCALAPPDATA\evidence_app"
SectionEnd
