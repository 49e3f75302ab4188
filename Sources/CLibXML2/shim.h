#ifndef IVRC_CLIBXML2_SHIM_H
#define IVRC_CLIBXML2_SHIM_H
// xmlversion.h first so ICU can be switched off before encoding.h pulls in the
// system ICU headers, which clash with Foundation's own ICU module.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlsave.h>
#endif
