export const options = {
  scenarios: {
    open: { executor: 'constant-arrival-rate', rate: 50, timeUnit: '1s', duration: '2s',
            preAllocatedVUs: 5 },
  },
};
export default function () {}
