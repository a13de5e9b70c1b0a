# A WebSocket server of Debian's python3-websockets for tests/func/ws.sh:
# /echo echoes, /close closes with 4002 "bye" after the first message,
# /ping pings the client first, /hold/NAME keeps the socket and remembers
# the client's close code under NAME, /last/NAME sends it, /proxied sends
# what the proxy was asked.  An HTTP CONNECT proxy beside it tunnels to
# 127.0.0.1 at the port asked for, whatever the host, refuses hosts
# starting with "refuse." with 403, and remembers each request's target
# and Proxy-Authorization.  A SOCKS5 proxy does the same (user "user",
# password "pw" when a client offers them; /socksed sends what it was
# asked).  Prints the three ports, then serves until killed or for 120
# seconds.
import asyncio
import websockets


codes = {}
proxied = []
socksed = []


async def handler(ws, path=None):
    path = path if path is not None else ws.path
    if path.startswith("/hold/"):
        await ws.wait_closed()
        codes[path[6:]] = ws.close_code
        return
    if path.startswith("/last/"):
        await ws.send(str(codes.get(path[6:])))
        await ws.close()
        return
    if path in ("/proxied", "/socksed"):
        await ws.send(" ".join(proxied if path == "/proxied" else socksed))
        await ws.close()
        return
    if path == "/ping":
        await ws.ping(b"hi")
    async for m in ws:
        if path == "/close":
            await ws.close(4002, "bye")
            return
        await ws.send(m)


async def pipe(reader, writer):
    try:
        while True:
            data = await reader.read(65536)
            if not data:
                break
            writer.write(data)
            await writer.drain()
    except ConnectionError:
        pass
    finally:
        writer.close()


async def proxy(reader, writer):
    head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1")
    lines = head.split("\r\n")
    method, target = lines[0].split(" ")[:2]
    auth = "-"
    for line in lines[1:]:
        if line.lower().startswith("proxy-authorization:"):
            auth = line.split(":", 1)[1].strip().replace(" ", "_")
    proxied.append(method + "," + target + "," + auth)
    if method != "CONNECT" or target.startswith("refuse."):
        writer.write(b"HTTP/1.1 403 Forbidden\r\n\r\n")
        await writer.drain()
        writer.close()
        return
    r2, w2 = await asyncio.open_connection("127.0.0.1",
                                           int(target.rsplit(":", 1)[1]))
    writer.write(b"HTTP/1.1 200 Connection established\r\n\r\n")
    await writer.drain()
    await asyncio.gather(pipe(reader, w2), pipe(r2, writer))


async def socks(reader, writer):
    ver, n = await reader.readexactly(2)
    methods = await reader.readexactly(n)
    user = "-"
    if 2 in methods:
        writer.write(b"\x05\x02")
        _, ulen = await reader.readexactly(2)
        user = (await reader.readexactly(ulen)).decode()
        plen = (await reader.readexactly(1))[0]
        password = (await reader.readexactly(plen)).decode()
        ok = user == "user" and password == "pw"
        writer.write(b"\x01\x00" if ok else b"\x01\x01")
        if not ok:
            writer.close()
            return
    else:
        writer.write(b"\x05\x00")
    _, cmd, _, atyp = await reader.readexactly(4)
    if atyp == 3:
        host = (await reader.readexactly((await reader.readexactly(1))[0])).decode()
    else:
        host = str(await reader.readexactly(4 if atyp == 1 else 16))
    port = int.from_bytes(await reader.readexactly(2), "big")
    socksed.append("SOCKS,%s:%d,%s" % (host, port, user))
    if host.startswith("refuse."):
        writer.write(b"\x05\x02\x00\x01\x00\x00\x00\x00\x00\x00")
        await writer.drain()
        writer.close()
        return
    r2, w2 = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"\x05\x00\x00\x01\x7f\x00\x00\x01" + port.to_bytes(2, "big"))
    await writer.drain()
    await asyncio.gather(pipe(reader, w2), pipe(r2, writer))


async def main():
    async with websockets.serve(handler, "127.0.0.1", 0,
                                subprotocols=["chat"]) as srv:
        px = await asyncio.start_server(proxy, "127.0.0.1", 0)
        sx = await asyncio.start_server(socks, "127.0.0.1", 0)
        print(srv.sockets[0].getsockname()[1], px.sockets[0].getsockname()[1],
              sx.sockets[0].getsockname()[1], flush=True)
        await asyncio.sleep(120)

asyncio.run(main())
