; The Windows installer of Complaint Desk (客诉台账), compiled by Debian's makensis from
; scripts/windows/build-installer.sh. Tauri's own NSIS bundling cannot be used here: it
; downloads a plugin DLL at build time, and its template needs a newer NSIS than Debian's.
;
; What an office can count on:
; - per user, no administrator rights: the program goes to %LOCALAPPDATA%\Programs;
; - the ledger (%APPDATA%\ComplaintDesk\data) is never touched by installing, upgrading
;   over an older version, or uninstalling: no line below names that folder;
; - /S installs or uninstalls silently for IT (exit code 2 when the program is running);
; - the WebView2 Runtime the window needs is checked for, and Microsoft's standalone
;   installer is run when it has been placed beside setup.exe.
;
; Defined by the build: VERSION (1.0.0), STAGE (the folder of files), OUTFILE.

; A 64-bit installer for a 64-bit program (it also runs where only 64-bit Wine does).
Target amd64-unicode
ManifestDPIAware true
SetCompressor /SOLID lzma
RequestExecutionLevel user

!include "MUI2.nsh"
!include "LogicLib.nsh"

!define PRODUCT "客诉台账"
!define PRODUCT_EN "Complaint Desk"
!define EXE "complaint-desk.exe"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\ComplaintDesk"
!define WEBVIEW2_KEY "Microsoft\EdgeUpdate\Clients\{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}"
!define WEBVIEW2_SETUP "MicrosoftEdgeWebView2RuntimeInstallerX64.exe"

Name "${PRODUCT} ${PRODUCT_EN} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\ComplaintDesk"
InstallDirRegKey HKCU "Software\ComplaintDesk" "InstallDir"
BrandingText "${PRODUCT_EN} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=2052 "ProductName" "${PRODUCT} ${PRODUCT_EN}"
VIAddVersionKey /LANG=2052 "FileDescription" "${PRODUCT} ${PRODUCT_EN} 安装程序"
VIAddVersionKey /LANG=2052 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "LegalCopyright" "MIT; Noto Sans CJK: SIL Open Font License"

!define MUI_ICON "${STAGE}\icon.ico"
!define MUI_UNICON "${STAGE}\icon.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "现在打开${PRODUCT}"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"

; A running program's file cannot be opened for writing on Windows: while it can't,
; the clerk is asked to close the window (what they were typing is kept as a draft, so
; nothing is lost) and try again. Silent runs end with exit code 2 instead of waiting.
!macro WaitForClosed
    ${Do}
        ClearErrors
        ${IfNot} ${FileExists} "$INSTDIR\${EXE}"
            ${Break}
        ${EndIf}
        FileOpen $0 "$INSTDIR\${EXE}" a
        ${IfNot} ${Errors}
            FileClose $0
            ${Break}
        ${EndIf}
        MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "${PRODUCT}正在运行。$\r$\n$\r$\n请先关闭${PRODUCT}的窗口（正在填写的内容会自动保留，下次打开时仍在），然后点“重试”。" /SD IDCANCEL IDRETRY +3
        SetErrorLevel 2
        Quit
    ${Loop}
!macroend

Function HasWebView2
    ReadRegStr $0 HKLM "SOFTWARE\WOW6432Node\${WEBVIEW2_KEY}" "pv"
    ${If} $0 == ""
    ${OrIf} $0 == "0.0.0.0"
        ReadRegStr $0 HKCU "Software\${WEBVIEW2_KEY}" "pv"
    ${EndIf}
    ${If} $0 == "0.0.0.0"
        StrCpy $0 ""
    ${EndIf}
FunctionEnd

; The window is drawn by Microsoft's WebView2 Runtime: Windows 11 has it, some Windows 10
; PCs do not. Offline, the installer cannot fetch it, so it runs the standalone
; installer an office placed beside setup.exe, or says plainly what to get.
Function EnsureWebView2
    Call HasWebView2
    ${If} $0 != ""
        Return
    ${EndIf}
    ${If} ${FileExists} "$EXEDIR\${WEBVIEW2_SETUP}"
        DetailPrint "正在安装 Microsoft Edge WebView2 运行时…"
        ExecWait '"$EXEDIR\${WEBVIEW2_SETUP}" /silent /install' $1
        Call HasWebView2
        ${If} $0 != ""
            Return
        ${EndIf}
    ${EndIf}
    MessageBox MB_OK|MB_ICONEXCLAMATION "这台电脑还没有安装 Microsoft Edge WebView2 运行时，${PRODUCT}的窗口需要它才能打开。$\r$\n$\r$\n请向 IT 人员索取微软的独立安装程序 ${WEBVIEW2_SETUP}，放在本安装程序旁边后重新运行本安装程序（会自动安装它）；也可以直接运行它，再打开${PRODUCT}。$\r$\n$\r$\n${PRODUCT}本身会继续安装；台账和备份不受影响。" /SD IDOK
FunctionEnd

Section "Install"
    SetShellVarContext current
    !insertmacro WaitForClosed
    Call EnsureWebView2
    SetOutPath "$INSTDIR"
    File "${STAGE}\${EXE}"
    File "${STAGE}\complaint-desk-console.exe"
    File "${STAGE}\WebView2Loader.dll"
    File "${STAGE}\icon.ico"
    SetOutPath "$INSTDIR\fonts"
    File "${STAGE}\fonts\NotoSansCJK-Regular.ttc"
    File "${STAGE}\fonts\LICENSE-OFL.txt"
    SetOutPath "$INSTDIR\docs"
    File "${STAGE}\docs\CHANGELOG.md"
    File "${STAGE}\docs\quick-start.zh-CN.md"
    SetOutPath "$INSTDIR"

    WriteUninstaller "$INSTDIR\uninstall.exe"
    CreateShortcut "$SMPROGRAMS\${PRODUCT}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\icon.ico"
    CreateShortcut "$DESKTOP\${PRODUCT}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\icon.ico"

    WriteRegStr HKCU "Software\ComplaintDesk" "InstallDir" "$INSTDIR"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${PRODUCT} ${PRODUCT_EN}"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PRODUCT_EN}"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\icon.ico"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
    WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
    WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
    WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

; Only the files this installer put there: the folder is removed only if it is empty
; then, so nothing else an office keeps beside the program is lost.
Section "Uninstall"
    SetShellVarContext current
    !insertmacro WaitForClosed
    Delete "$INSTDIR\${EXE}"
    Delete "$INSTDIR\complaint-desk-console.exe"
    Delete "$INSTDIR\WebView2Loader.dll"
    Delete "$INSTDIR\icon.ico"
    Delete "$INSTDIR\fonts\NotoSansCJK-Regular.ttc"
    Delete "$INSTDIR\fonts\LICENSE-OFL.txt"
    RMDir "$INSTDIR\fonts"
    Delete "$INSTDIR\docs\CHANGELOG.md"
    Delete "$INSTDIR\docs\quick-start.zh-CN.md"
    RMDir "$INSTDIR\docs"
    Delete "$INSTDIR\uninstall.exe"
    RMDir "$INSTDIR"
    Delete "$SMPROGRAMS\${PRODUCT}.lnk"
    Delete "$DESKTOP\${PRODUCT}.lnk"
    DeleteRegKey HKCU "${UNINSTALL_KEY}"
    DeleteRegKey HKCU "Software\ComplaintDesk"
SectionEnd
