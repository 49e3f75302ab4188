#ifndef IVRC_CZLIB_SHIM_H
#define IVRC_CZLIB_SHIM_H
#include <zlib.h>
#endif
