/* Stands in for Microsoft's WebView2 standalone installer in the installer's test under
 * Wine: it records that it ran, with its arguments, and registers a runtime version
 * where the real one does, so the installer can see that it worked. */
#include <windows.h>
#include <stdio.h>

int main(int argc, char **argv) {
    char path[MAX_PATH];
    GetModuleFileNameA(NULL, path, MAX_PATH);
    char *slash = strrchr(path, '\\');
    if (slash) strcpy(slash + 1, "webview2-stand-in-ran.txt");
    FILE *f = fopen(path, "w");
    if (!f) return 1;
    for (int i = 1; i < argc; i++) fprintf(f, "%s ", argv[i]);
    fclose(f);
    HKEY key;
    const char *sub = "Software\\Microsoft\\EdgeUpdate\\Clients\\{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}";
    if (RegCreateKeyExA(HKEY_CURRENT_USER, sub, 0, NULL, 0, KEY_WRITE, NULL, &key, NULL) != ERROR_SUCCESS) return 1;
    const char *pv = "120.0.2210.91";
    RegSetValueExA(key, "pv", 0, REG_SZ, (const BYTE *)pv, (DWORD)strlen(pv) + 1);
    RegCloseKey(key);
    return 0;
}
