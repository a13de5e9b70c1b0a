/* Protocol Buffers descriptors: a pool of the messages, enums and
 * service methods of the .proto files (proto2 and proto3) and
 * FileDescriptorSets a gRPC client loads, with their type names
 * resolved.
 *
 * proto_pool_new returns an owned pool; proto_pool_free(NULL) is a
 * no-op; everything the pool holds lives until it is freed; functions
 * taking const char * borrow it.  Errors come back as an owned *cause
 * naming the file and line at fault. */
#ifndef LYOCELL_PROTO_H
#define LYOCELL_PROTO_H

#include <stddef.h>
#include <stdint.h>

/* descriptor.proto's FieldDescriptorProto.Type numbers. */
enum proto_type {
	PROTO_DOUBLE = 1, PROTO_FLOAT, PROTO_INT64, PROTO_UINT64, PROTO_INT32,
	PROTO_FIXED64, PROTO_FIXED32, PROTO_BOOL, PROTO_STRING, PROTO_GROUP,
	PROTO_MESSAGE, PROTO_BYTES, PROTO_UINT32, PROTO_ENUM, PROTO_SFIXED32,
	PROTO_SFIXED64, PROTO_SINT32, PROTO_SINT64,
};

struct proto_message;
struct proto_enum;

struct proto_field {
	char			*name;
	char			*json_name;	/* lowerCamelCase unless json_name= */
	int32_t			 number;
	enum proto_type		 type;
	int			 repeated;
	int			 packed;	/* encode packed */
	int			 oneof;		/* index + 1 in its message, -1 for
						 * proto3 optional, or 0 */
	int			 presence;	/* proto2 or proto3 optional */
	int			 utf8;		/* a proto3 string: must be UTF-8 */
	char			*type_name;	/* message or enum, fully qualified */
	char			*scope;		/* where type_name was written, until resolved */
	struct proto_message	*msg;
	struct proto_enum	*en;
};

struct proto_message {
	char			*name;		/* "pkg.Outer.Inner" */
	struct proto_field	*fields;
	size_t			 nfields;
	int			 map_entry;	/* key is field 1, value field 2 */
};

struct proto_enum_value {
	char			*name;
	int32_t			 number;
};

struct proto_enum {
	char			*name;
	struct proto_enum_value	*values;
	size_t			 nvalues;
};

struct proto_method {
	char			*path;		/* "/pkg.Service/Method" */
	char			*package, *service, *name;
	char			*in_name, *out_name;	/* resolved in package */
	struct proto_message	*in, *out;
	int			 client_streaming, server_streaming;
};

struct proto_pool;

/* Reads the file an import names: an owned NUL-terminated text and its
 * length, or NULL (then the built-in well-known types are tried). */
typedef char *(*proto_read_fn)(void *arg, const char *name, size_t *len);

struct proto_pool *proto_pool_new(void);
void	 proto_pool_free(struct proto_pool *);

/* Parse the .proto file name (read through rd) and what it imports, and
 * resolve every type name.  0, or -1 with *cause. */
int	 proto_pool_load(struct proto_pool *, const char *name, proto_read_fn rd,
	    void *arg, char **cause);
/* Parse one .proto text as file name; imports through rd (may be NULL). */
int	 proto_pool_parse(struct proto_pool *, const char *name, const char *text,
	    size_t len, proto_read_fn rd, void *arg, char **cause);
/* Add the files of a serialized FileDescriptorSet and resolve them
 * (proto-fdset.c); or, with set == 0, add one FileDescriptorProto and
 * leave the resolution to the caller, once all have come.  0, or -1
 * with *cause. */
int	 proto_pool_add_set(struct proto_pool *, const unsigned char *, size_t,
	    int set, char **cause);
/* Whether file name is in the pool already. */
int	 proto_pool_has_file(const struct proto_pool *, const char *name);
/* Resolve the type names added since the last call.  0, or -1. */
int	 proto_pool_resolve(struct proto_pool *, char **cause);

const struct proto_message *proto_pool_message(const struct proto_pool *,
	    const char *name);
const struct proto_method *proto_pool_method(const struct proto_pool *,
	    const char *path);
size_t	 proto_pool_nmethods(const struct proto_pool *);
const struct proto_method *proto_pool_method_at(const struct proto_pool *, size_t);

const struct proto_field *proto_message_field(const struct proto_message *,
	    int32_t number);
/* By its JSON name or its name, as protojson accepts both. */
const struct proto_field *proto_message_field_named(const struct proto_message *,
	    const char *name);
const struct proto_enum_value *proto_enum_by_number(const struct proto_enum *,
	    int32_t);
const struct proto_enum_value *proto_enum_by_name(const struct proto_enum *,
	    const char *);

/* The built-in text of a well-known type's file
 * ("google/protobuf/timestamp.proto"), or NULL (proto-wkt.c). */
const char *proto_wkt_file(const char *name);

/* Used by the parser and the set decoder (proto.c). */
struct proto_message *proto_pool_add_message(struct proto_pool *, const char *name);
struct proto_field *proto_message_add_field(struct proto_message *);
struct proto_enum *proto_pool_add_enum(struct proto_pool *, const char *name);
void	 proto_enum_add_value(struct proto_enum *, const char *name, int32_t);
struct proto_method *proto_pool_add_method(struct proto_pool *, const char *package,
	    const char *service, const char *name);
void	 proto_pool_add_file(struct proto_pool *, const char *name);
/* lowerCamelCase of a field name, owned. */
char	*proto_json_name(const char *);
/* Whether type is a scalar that may be packed. */
int	 proto_type_packable(enum proto_type);

#endif
