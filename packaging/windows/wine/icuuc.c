/* icuuc.dll for Wine 8.0: Qt6Core.dll imports twenty ucnv_* functions from Windows 10's own
 * ICU (for QStringConverter's extra encodings only); Wine 8.0 has no icuuc.dll. This stand-in
 * has no converter: ucnv_open fails, and Qt says the encoding is unavailable. Built with
 * MinGW-w64 by packaging/windows/check-under-wine.sh; never shipped. */
#include <stdint.h>
#include <stddef.h>
#define EXPORT __declspec(dllexport)
typedef int UErrorCode;
enum { U_ILLEGAL_ARGUMENT_ERROR = 1, U_FILE_ACCESS_ERROR = 4 };
static void fail(UErrorCode *e, int code) { if (e && *e <= 0) *e = code; }
EXPORT void *ucnv_open(const char *n, UErrorCode *e) { (void)n; fail(e, U_FILE_ACCESS_ERROR); return NULL; }
EXPORT void ucnv_close(void *c) { (void)c; }
EXPORT void ucnv_reset(void *c) { (void)c; }
EXPORT int8_t ucnv_getMaxCharSize(const void *c) { (void)c; return 1; }
EXPORT const char *ucnv_getName(const void *c, UErrorCode *e) { (void)c; fail(e, U_ILLEGAL_ARGUMENT_ERROR); return NULL; }
EXPORT void ucnv_getToUCallBack(const void *c, void **a, const void **x) { (void)c; if (a) *a = NULL; if (x) *x = NULL; }
EXPORT void ucnv_getFromUCallBack(const void *c, void **a, const void **x) { (void)c; if (a) *a = NULL; if (x) *x = NULL; }
EXPORT void ucnv_setToUCallBack(void *c, void *a, const void *x, void **oa, const void **ox, UErrorCode *e) { (void)c; (void)a; (void)x; if (oa) *oa = NULL; if (ox) *ox = NULL; fail(e, U_ILLEGAL_ARGUMENT_ERROR); }
EXPORT void ucnv_setFromUCallBack(void *c, void *a, const void *x, void **oa, const void **ox, UErrorCode *e) { (void)c; (void)a; (void)x; if (oa) *oa = NULL; if (ox) *ox = NULL; fail(e, U_ILLEGAL_ARGUMENT_ERROR); }
EXPORT void UCNV_FROM_U_CALLBACK_SUBSTITUTE(const void *c, void *a, const uint16_t *u, int32_t n, int32_t cp, int r, UErrorCode *e) { (void)c; (void)a; (void)u; (void)n; (void)cp; (void)r; (void)e; }
EXPORT void UCNV_TO_U_CALLBACK_SUBSTITUTE(const void *c, void *a, const char *u, int32_t n, int r, UErrorCode *e) { (void)c; (void)a; (void)u; (void)n; (void)r; (void)e; }
EXPORT void ucnv_cbToUWriteUChars(void *a, const uint16_t *s, int32_t n, int32_t o, UErrorCode *e) { (void)a; (void)s; (void)n; (void)o; fail(e, U_ILLEGAL_ARGUMENT_ERROR); }
EXPORT void ucnv_cbFromUWriteUChars(void *a, const uint16_t **s, const uint16_t *l, int32_t o, UErrorCode *e) { (void)a; (void)s; (void)l; (void)o; fail(e, U_ILLEGAL_ARGUMENT_ERROR); }
EXPORT void ucnv_toUnicode(void *c, uint16_t **t, const uint16_t *tl, const char **s, const char *sl, int32_t *o, int8_t f, UErrorCode *e) { (void)c; (void)t; (void)tl; (void)s; (void)sl; (void)o; (void)f; fail(e, U_ILLEGAL_ARGUMENT_ERROR); }
EXPORT void ucnv_fromUnicode(void *c, char **t, const char *tl, const uint16_t **s, const uint16_t *sl, int32_t *o, int8_t f, UErrorCode *e) { (void)c; (void)t; (void)tl; (void)s; (void)sl; (void)o; (void)f; fail(e, U_ILLEGAL_ARGUMENT_ERROR); }
EXPORT int32_t ucnv_toUCountPending(const void *c, UErrorCode *e) { (void)c; (void)e; return 0; }
EXPORT int32_t ucnv_fromUCountPending(const void *c, UErrorCode *e) { (void)c; (void)e; return 0; }
EXPORT const char *ucnv_getStandardName(const char *n, const char *s, UErrorCode *e) { (void)n; (void)s; (void)e; return NULL; }
EXPORT const char *ucnv_getAvailableName(int32_t n) { (void)n; return NULL; }
EXPORT int32_t ucnv_countAvailable(void) { return 0; }
