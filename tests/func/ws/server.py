# A WebSocket server of Debian's python3-websockets for tests/func/ws.sh:
# /echo echoes, /close closes with 4002 "bye" after the first message,
# /ping pings the client first, /hold/NAME keeps the socket and remembers
# the client's close code under NAME, /last/NAME sends it.  Prints its
# port, then serves until killed or for 120 seconds.
import asyncio
import websockets


codes = {}


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
    if path == "/ping":
        await ws.ping(b"hi")
    async for m in ws:
        if path == "/close":
            await ws.close(4002, "bye")
            return
        await ws.send(m)


async def main():
    async with websockets.serve(handler, "127.0.0.1", 0,
                                subprotocols=["chat"]) as srv:
        print(srv.sockets[0].getsockname()[1], flush=True)
        await asyncio.sleep(120)

asyncio.run(main())
