// No byte moves: k6 still has data_sent and data_received, at 0.
export const options = { iterations: 3 };

export default function () {
}
