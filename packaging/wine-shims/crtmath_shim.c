/* Test-only (never shipped): Wine 8's ucrtbase lacks crealf/cimagf/creal/cimag/creall/cimagl, which numpy 2's
 * _multiarray_umath calls while importing (Windows 10 has them). The smoke test points numpy's import of
 * api-ms-win-crt-math-l1-1-0.dll at this DLL (crtmshim.dll), which implements those and forwards every other
 * function to ucrtbase (the .def is generated from numpy's import table). MSVC ABI: long double is double;
 * an 8-byte _Fcomplex is passed in a register, a 16-byte _Dcomplex by reference, as MinGW does too. */
typedef struct { double v[2]; } dcomplex;
typedef struct { float v[2]; } fcomplex;

__declspec(dllexport) double creal(dcomplex z) { return z.v[0]; }
__declspec(dllexport) double cimag(dcomplex z) { return z.v[1]; }
__declspec(dllexport) float crealf(fcomplex z) { return z.v[0]; }
__declspec(dllexport) float cimagf(fcomplex z) { return z.v[1]; }
__declspec(dllexport) double creall(dcomplex z) { return z.v[0]; }
__declspec(dllexport) double cimagl(dcomplex z) { return z.v[1]; }
