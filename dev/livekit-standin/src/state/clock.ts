/** Unix seconds: the server keeps join/leave bookkeeping for room closing in whole seconds (§4.2). */
export const nowSeconds = (): number => Math.floor(Date.now() / 1000);
