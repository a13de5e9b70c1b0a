// Options refused before the test starts (netblock-bad-*.case).
export const options = { blockHostnames: ['*.example.com'], blacklistIPs: ['fd00::/8'] };
export default function () {}
