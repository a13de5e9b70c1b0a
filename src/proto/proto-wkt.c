/* The well-known types' files, built in so that "import
 * google/protobuf/timestamp.proto" works without libprotobuf-dev, as k6
 * ships them.  descriptor.proto is only what files that declare custom
 * options (extend google.protobuf.MethodOptions) need to parse: the
 * option messages, empty, since options are skipped. */
#include "config.h"

#include <string.h>

#include "proto/proto.h"

static const struct {
	const char	*name;
	const char	*text;
} wkt[] = {
	{ "google/protobuf/empty.proto",
	    "syntax = \"proto3\"; package google.protobuf;\n"
	    "message Empty {}\n" },
	{ "google/protobuf/timestamp.proto",
	    "syntax = \"proto3\"; package google.protobuf;\n"
	    "message Timestamp { int64 seconds = 1; int32 nanos = 2; }\n" },
	{ "google/protobuf/duration.proto",
	    "syntax = \"proto3\"; package google.protobuf;\n"
	    "message Duration { int64 seconds = 1; int32 nanos = 2; }\n" },
	{ "google/protobuf/any.proto",
	    "syntax = \"proto3\"; package google.protobuf;\n"
	    "message Any { string type_url = 1; bytes value = 2; }\n" },
	{ "google/protobuf/field_mask.proto",
	    "syntax = \"proto3\"; package google.protobuf;\n"
	    "message FieldMask { repeated string paths = 1; }\n" },
	{ "google/protobuf/struct.proto",
	    "syntax = \"proto3\"; package google.protobuf;\n"
	    "message Struct { map<string, Value> fields = 1; }\n"
	    "message Value { oneof kind { NullValue null_value = 1;\n"
	    "  double number_value = 2; string string_value = 3;\n"
	    "  bool bool_value = 4; Struct struct_value = 5;\n"
	    "  ListValue list_value = 6; } }\n"
	    "enum NullValue { NULL_VALUE = 0; }\n"
	    "message ListValue { repeated Value values = 1; }\n" },
	{ "google/protobuf/wrappers.proto",
	    "syntax = \"proto3\"; package google.protobuf;\n"
	    "message DoubleValue { double value = 1; }\n"
	    "message FloatValue { float value = 1; }\n"
	    "message Int64Value { int64 value = 1; }\n"
	    "message UInt64Value { uint64 value = 1; }\n"
	    "message Int32Value { int32 value = 1; }\n"
	    "message UInt32Value { uint32 value = 1; }\n"
	    "message BoolValue { bool value = 1; }\n"
	    "message StringValue { string value = 1; }\n"
	    "message BytesValue { bytes value = 1; }\n" },
	{ "google/protobuf/descriptor.proto",
	    "syntax = \"proto2\"; package google.protobuf;\n"
	    "message FileOptions {} message MessageOptions {}\n"
	    "message FieldOptions {} message OneofOptions {}\n"
	    "message EnumOptions {} message EnumValueOptions {}\n"
	    "message ServiceOptions {} message MethodOptions {}\n"
	    "message ExtensionRangeOptions {}\n" },
};

const char *
proto_wkt_file(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof wkt / sizeof wkt[0]; i++)
		if (strcmp(wkt[i].name, name) == 0)
			return wkt[i].text;
	return NULL;
}
