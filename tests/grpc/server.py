#!/usr/bin/python3
"""The gRPC server of the k6/net/grpc tests: route.proto's services and
server reflection (grpc.reflection.v1alpha), on 127.0.0.1, plaintext and,
with --cert and --key, TLS on a second port, and with --client-ca too,
TLS that requires a client certificate signed by it on a third.  The protos are compiled at
start by grpc_tools.protoc into a FileDescriptorSet (also written to
--protoset for loadProtoset) and their classes made from it, so that
Python's protobuf decodes and encodes what the client sends.

Usage: server.py --dir DIR --port-file F [--tls-port-file F --cert C
--key K [--mtls-port-file F --client-ca CA]] [--protoset F]
[--max-seconds N]"""
import argparse
import os
import socket
import sys
import tempfile
import threading
import time
from concurrent import futures

import grpc
import grpc_tools
from grpc_tools import protoc
from google.protobuf import descriptor_pb2, descriptor_pool, json_format
from google.protobuf import message_factory

PKG = "lyocell.test"


def compile_protos(srcdir, out):
    inc = os.path.join(os.path.dirname(grpc_tools.__file__), "_proto")
    rc = protoc.main(["protoc", "-I" + srcdir, "-I" + inc, "--include_imports",
                      "--descriptor_set_out=" + out, "route.proto",
                      "reflection.proto"])
    if rc != 0:
        sys.exit("protoc failed")
    fds = descriptor_pb2.FileDescriptorSet()
    with open(out, "rb") as f:
        fds.ParseFromString(f.read())
    return fds


class Protos:
    def __init__(self, fds):
        self.pool = descriptor_pool.DescriptorPool()
        self.files = {}
        for fd in fds.file:
            self.pool.Add(fd)
            self.files[fd.name] = fd
        self.fds = fds

    def cls(self, name):
        d = self.pool.FindMessageTypeByName(name)
        if hasattr(message_factory, "GetMessageClass"):
            return message_factory.GetMessageClass(d)
        return message_factory.MessageFactory(self.pool).GetPrototype(d)

    def file_with_deps(self, name):
        """The file and its transitive dependencies, serialized."""
        out, seen = [], set()

        def walk(n):
            if n in seen:
                return
            seen.add(n)
            fd = self.files[n]
            out.append(fd.SerializeToString())
            for dep in fd.dependency:
                walk(dep)
        walk(name)
        return out


def handlers(p):
    Point, Feature = p.cls(PKG + ".Point"), p.cls(PKG + ".Feature")
    Rect, Note = p.cls(PKG + ".Rectangle"), p.cls(PKG + ".RouteNote")
    Summary, Types = p.cls(PKG + ".RouteSummary"), p.cls(PKG + ".AllTypes")
    Fail, Sleep = p.cls(PKG + ".FailRequest"), p.cls(PKG + ".SleepRequest")
    Empty = p.cls("google.protobuf.Empty")
    Bytes = p.cls("google.protobuf.BytesValue")
    RReq = p.cls("grpc.reflection.v1alpha.ServerReflectionRequest")
    RRes = p.cls("grpc.reflection.v1alpha.ServerReflectionResponse")

    def get_feature(req, ctx):
        md = dict(ctx.invocation_metadata())
        if "x-echo" in md:
            echo = [("x-echo", md["x-echo"]), ("x-ua", md.get("user-agent", ""))]
            # binary metadata back as it came, and its length
            if "x-data-bin" in md:
                echo += [("x-data-bin", md["x-data-bin"]),
                         ("x-data-len", str(len(md["x-data-bin"])))]
            ctx.send_initial_metadata(tuple(echo))
        if req.latitude == 0 and req.longitude == 0:
            return Feature()
        return Feature(name="%d,%d" % (req.latitude, req.longitude),
                       location=req)

    def list_features(req, ctx):
        for lat in range(req.lo.latitude, req.hi.latitude + 1):
            yield Feature(name="f%d" % lat,
                          location=Point(latitude=lat, longitude=req.lo.longitude))

    def record_route(it, ctx):
        n = 0
        for _ in it:
            n += 1
        return Summary(point_count=n, feature_count=n)

    def route_chat(it, ctx):
        for note in it:
            yield note

    def types(raw, ctx):
        m = Types()
        m.ParseFromString(raw)
        ctx.set_trailing_metadata((("x-json", json_format.MessageToJson(
            m, indent=None, sort_keys=True)),))
        return m.SerializeToString()

    def fail(req, ctx):
        ctx.abort(grpc.StatusCode(_codes[req.code]), req.message)

    def sleep(req, ctx):
        time.sleep(req.ms / 1000.0)
        return Empty()

    def garbage(req, ctx):
        return b"\x0a\xff\xff\xff"

    def raw(req, ctx):
        # the request's bytes as the response, whatever they are
        return req.value

    def raw_stream(req, ctx):
        yield req.value

    def reflect(it, ctx):
        for req in it:
            res = RRes(original_request=req)
            kind = req.WhichOneof("message_request")
            if kind == "list_services":
                for svc in (PKG + ".RouteGuide", PKG + ".Echo",
                            "grpc.reflection.v1alpha.ServerReflection"):
                    res.list_services_response.service.add(name=svc)
            elif kind == "file_containing_symbol":
                try:
                    fd = p.pool.FindFileContainingSymbol(req.file_containing_symbol)
                    res.file_descriptor_response.file_descriptor_proto.extend(
                        p.file_with_deps(fd.name))
                except KeyError:
                    res.error_response.error_code = 5
                    res.error_response.error_message = "symbol not found"
            elif kind == "file_by_filename":
                res.file_descriptor_response.file_descriptor_proto.extend(
                    p.file_with_deps(req.file_by_filename))
            yield res

    def health(raw, ctx):
        # grpc.health.v1.HealthCheckRequest { string service = 1; } by hand
        svc = raw[2:].decode() if raw[:1] == b"\x0a" else ""
        if svc not in ("", PKG + ".RouteGuide", PKG + ".Echo"):
            ctx.abort(grpc.StatusCode.NOT_FOUND, "unknown service")
        return b"\x08\x01" if svc != PKG + ".Echo" else b"\x08\x02"

    ser = lambda m: m.SerializeToString()
    u = grpc.unary_unary_rpc_method_handler
    return [
        grpc.method_handlers_generic_handler(PKG + ".RouteGuide", {
            "GetFeature": u(get_feature, Point.FromString, ser),
            "ListFeatures": grpc.unary_stream_rpc_method_handler(
                list_features, Rect.FromString, ser),
            "RecordRoute": grpc.stream_unary_rpc_method_handler(
                record_route, Point.FromString, ser),
            "RouteChat": grpc.stream_stream_rpc_method_handler(
                route_chat, Note.FromString, ser),
        }),
        grpc.method_handlers_generic_handler(PKG + ".Echo", {
            "Types": u(types, None, None),
            "Fail": u(fail, Fail.FromString, ser),
            "Sleep": u(sleep, Sleep.FromString, ser),
            "Garbage": u(garbage, Empty.FromString, None),
            "Raw": u(raw, Bytes.FromString, None),
            "RawStream": grpc.unary_stream_rpc_method_handler(
                raw_stream, Bytes.FromString, None),
        }),
        grpc.method_handlers_generic_handler("grpc.health.v1.Health", {
            "Check": u(health, None, None),
        }),
        grpc.method_handlers_generic_handler(
            "grpc.reflection.v1alpha.ServerReflection", {
                "ServerReflectionInfo": grpc.stream_stream_rpc_method_handler(
                    reflect, RReq.FromString, ser),
            }),
    ]


_codes = {c.value[0]: c for c in grpc.StatusCode}


def write_port(path, port):
    with open(path + ".tmp", "w") as f:
        f.write("%d\n" % port)
    os.rename(path + ".tmp", path)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", required=True)
    ap.add_argument("--port-file", required=True)
    ap.add_argument("--tls-port-file")
    ap.add_argument("--cert")
    ap.add_argument("--key")
    ap.add_argument("--mtls-port-file")
    ap.add_argument("--client-ca")
    ap.add_argument("--protoset")
    ap.add_argument("--silent-port-file")
    ap.add_argument("--workers", type=int, default=8)
    ap.add_argument("--max-seconds", type=float, default=600)
    a = ap.parse_args()
    out = a.protoset or tempfile.mkstemp(suffix=".protoset")[1]
    p = Protos(compile_protos(a.dir, out))
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=a.workers))
    server.add_generic_rpc_handlers(handlers(p))
    port = server.add_insecure_port("127.0.0.1:0")
    tls_port = mtls_port = None
    if a.cert:
        with open(a.cert, "rb") as f:
            cert = f.read()
        with open(a.key, "rb") as f:
            key = f.read()
        tls_port = server.add_secure_port(
            "127.0.0.1:0", grpc.ssl_server_credentials([(key, cert)]))
        if a.client_ca:
            with open(a.client_ca, "rb") as f:
                ca = f.read()
            mtls_port = server.add_secure_port(
                "127.0.0.1:0", grpc.ssl_server_credentials(
                    [(key, cert)], root_certificates=ca,
                    require_client_auth=True))
    server.start()
    if a.silent_port_file:
        # A listener that never answers: connects that wait time out.
        silent = socket.socket()
        silent.bind(("127.0.0.1", 0))
        silent.listen(16)
        with open(a.silent_port_file, "w") as f:
            f.write("%d\n" % silent.getsockname()[1])
    if tls_port is not None:
        write_port(a.tls_port_file, tls_port)
    if mtls_port is not None:
        write_port(a.mtls_port_file, mtls_port)
    write_port(a.port_file, port)
    # Bounded in time, whatever happens to the test that started it.
    threading.Timer(a.max_seconds, lambda: os._exit(0)).start()
    server.wait_for_termination()


if __name__ == "__main__":
    main()
