import http from 'k6';
export default function () { const x = ; }
