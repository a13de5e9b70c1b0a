# A WebSocket server of Debian's python3-websockets for tests/func/ws.sh:
# /echo echoes, /close closes with 4002 "bye" after the first message,
# /ping pings the client first, /hold/NAME keeps the socket and remembers
# the client's close code under NAME, /last/NAME sends it, /proxied sends
# what the proxy was asked.  An HTTP CONNECT proxy beside it tunnels to
# 127.0.0.1 at the port asked for, whatever the host, refuses hosts
# starting with "refuse." with 403, and remembers each request's target
# and Proxy-Authorization.  Prints the two ports, then serves until killed
# or for 120 seconds.
import asyncio
import websockets


codes = {}
proxied = []


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
    if path == "/proxied":
        await ws.send(" ".join(proxied))
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


async def main():
    async with websockets.serve(handler, "127.0.0.1", 0,
                                subprotocols=["chat"]) as srv:
        px = await asyncio.start_server(proxy, "127.0.0.1", 0)
        print(srv.sockets[0].getsockname()[1], px.sockets[0].getsockname()[1],
              flush=True)
        await asyncio.sleep(120)

asyncio.run(main())
