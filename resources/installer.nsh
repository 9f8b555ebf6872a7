; electron-builder's NSIS installer registers no URL scheme of its own (its `protocols` are
; macOS and Linux only): the per-user install writes the same keys app.setAsDefaultProtocolClient
; writes at each start, so a toggl-tray:// link works before the app first runs.
!macro customInstall
  WriteRegStr SHCTX "Software\Classes\toggl-tray" "" "URL:Toggl Tray link"
  WriteRegStr SHCTX "Software\Classes\toggl-tray" "URL Protocol" ""
  WriteRegStr SHCTX "Software\Classes\toggl-tray\DefaultIcon" "" "$INSTDIR\${APP_EXECUTABLE_FILENAME},0"
  WriteRegStr SHCTX "Software\Classes\toggl-tray\shell\open\command" "" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" "%1"'
!macroend

!macro customUnInstall
  ; An update uninstalls the old version first: the keys stay for the new one.
  ${ifNot} ${isUpdated}
    DeleteRegKey SHCTX "Software\Classes\toggl-tray"
  ${endIf}
!macroend
