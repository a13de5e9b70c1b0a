/* k6's defaults as the global __ly_defaults; see defaults.h. */
#include "config.h"

#include "defaults.h"

void
defaults_define(js_State *J)
{
	js_newobject(J);
#define K6_DEFAULT_PROP(name, v)			\
	js_pushnumber(J, K6_DEFAULT(name));		\
	js_setproperty(J, -2, #name);
	K6_DEFAULTS(K6_DEFAULT_PROP)
#undef K6_DEFAULT_PROP
	js_setglobal(J, "__ly_defaults");
}
