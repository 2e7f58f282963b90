// Lets `node -r ./bench/register.js` run our TypeScript sources (tools/ts-register.js).
require('../tools/ts-register.js');
