/** Vincenty's inverse formula on WGS84: an independent geodesic reference for distance tests. */
export function vincenty(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const a = 6378137;
  const f = 1 / 298.257223563;
  const b = a * (1 - f);
  const rad = Math.PI / 180;
  const L = (lon2 - lon1) * rad;
  const U1 = Math.atan((1 - f) * Math.tan(lat1 * rad));
  const U2 = Math.atan((1 - f) * Math.tan(lat2 * rad));
  const [sinU1, cosU1, sinU2, cosU2] = [Math.sin(U1), Math.cos(U1), Math.sin(U2), Math.cos(U2)];
  let lambda = L;
  let sinS = 0;
  let cosS = 0;
  let sigma = 0;
  let cos2a = 0;
  let cos2sm = 0;
  for (let k = 0; k < 200; k++) {
    const sinL = Math.sin(lambda);
    const cosL = Math.cos(lambda);
    sinS = Math.sqrt((cosU2 * sinL) ** 2 + (cosU1 * sinU2 - sinU1 * cosU2 * cosL) ** 2);
    cosS = sinU1 * sinU2 + cosU1 * cosU2 * cosL;
    sigma = Math.atan2(sinS, cosS);
    const sinA = (cosU1 * cosU2 * sinL) / sinS;
    cos2a = 1 - sinA * sinA;
    cos2sm = cos2a === 0 ? 0 : cosS - (2 * sinU1 * sinU2) / cos2a;
    const C = (f / 16) * cos2a * (4 + f * (4 - 3 * cos2a));
    const prev = lambda;
    lambda = L + (1 - C) * f * sinA * (sigma + C * sinS * (cos2sm + C * cosS * (-1 + 2 * cos2sm * cos2sm)));
    if (Math.abs(lambda - prev) < 1e-13) break;
  }
  const u2 = (cos2a * (a * a - b * b)) / (b * b);
  const A = 1 + (u2 / 16384) * (4096 + u2 * (-768 + u2 * (320 - 175 * u2)));
  const B = (u2 / 1024) * (256 + u2 * (-128 + u2 * (74 - 47 * u2)));
  const dS =
    B *
    sinS *
    (cos2sm +
      (B / 4) * (cosS * (-1 + 2 * cos2sm ** 2) - (B / 6) * cos2sm * (-3 + 4 * sinS ** 2) * (-3 + 4 * cos2sm ** 2)));
  return b * A * (sigma - dS);
}
