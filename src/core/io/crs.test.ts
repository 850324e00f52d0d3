import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { crsFromPrj, gaussKruger, guessCrs, toWgs84 } from './crs';

const QZ_BOX = [117.58, 24.38, 119.1, 25.95] as const;
const conv = (crs: Parameters<typeof toWgs84>[0]) => {
  const t = toWgs84(crs);
  if (!t.ok) throw new Error(t.error);
  return t.value;
};

describe('Chinese coordinate systems', () => {
  // published pairs (coordtransform / gcoord test suites; the Shanghai triple from geotool)
  it('GCJ-02 → WGS84 against known pairs, within 1e-5° (≈ 1 m)', () => {
    const [lon = 0, lat = 0] = conv('gcj02')(116.41024449916938, 39.91640428150164) ?? [];
    expect(lon).toBeCloseTo(116.404, 5);
    expect(lat).toBeCloseTo(39.915, 5);
    const [a = 0, b = 0] = conv('gcj02')(121.09626935575027, 30.608604331756705) ?? [];
    expect(Math.abs(a - 121.0917077)).toBeLessThan(1e-5);
    expect(Math.abs(b - 30.6107779)).toBeLessThan(1e-5);
  });

  it('BD-09 → WGS84 against known pairs', () => {
    const [a = 0, b = 0] = conv('bd09')(121.10271732371203, 30.61484572185035) ?? [];
    expect(Math.abs(a - 121.0917077)).toBeLessThan(1e-5);
    expect(Math.abs(b - 30.6107779)).toBeLessThan(1e-5);
    const [c = 0, d = 0] = conv('bd09')(123, 45) ?? [];
    expect(c).toBeCloseTo(122.9876221, 5);
    expect(d).toBeCloseTo(44.9917154, 5);
  });

  it('names the CGCS2000 Gauss-Krüger zones by EPSG code', () => {
    expect(gaussKruger(4548)).toMatchObject({ centralMeridian: 117, falseEasting: 500_000, width: 3, zone: null });
    expect(gaussKruger(4549)).toMatchObject({ centralMeridian: 120, falseEasting: 500_000 });
    expect(gaussKruger(4527)).toMatchObject({ centralMeridian: 117, falseEasting: 39_500_000, zone: 39 });
    expect(gaussKruger(4528)).toMatchObject({ centralMeridian: 120, falseEasting: 40_500_000, zone: 40 });
    expect(gaussKruger(4498)).toMatchObject({ centralMeridian: 117, falseEasting: 20_500_000, width: 6 });
    expect(gaussKruger(4509)).toMatchObject({ centralMeridian: 117, falseEasting: 500_000, width: 6 });
    expect(gaussKruger(4326)).toBeNull();
  });

  it('Gauss-Krüger round trip to a millimetre in both Quanzhou zones, with and without the zone prefix', () => {
    for (const code of [4548, 4549, 4527, 4528]) {
      const gk = gaussKruger(code);
      if (!gk) throw new Error('zone');
      const def = `+proj=tmerc +lat_0=0 +lon_0=${gk.centralMeridian} +k=1 +x_0=${gk.falseEasting} +y_0=0 +ellps=GRS80 +units=m +no_defs`;
      const [x = 0, y = 0] = proj4('WGS84', def).forward([118.6446, 24.8826]);
      const [lon = 0, lat = 0] = conv(`EPSG:${code}`)(x, y) ?? [];
      expect(Math.abs(lon - 118.6446) * 101_000).toBeLessThan(0.001);
      expect(Math.abs(lat - 24.8826) * 111_000).toBeLessThan(0.001);
    }
  });

  it('recognises an ESRI .prj as its EPSG zone', () => {
    const prj =
      'PROJCS["CGCS2000_3_Degree_GK_Zone_39",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",39500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",117.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
    expect(crsFromPrj(prj)?.crs).toBe('EPSG:4527');
    expect(
      crsFromPrj(
        'GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]',
      )?.crs,
    ).toBe('cgcs2000');
    expect(crsFromPrj('garbage')).toBeNull();
  });

  it('guesses the zone and axis order of survey coordinates (X = northing first)', () => {
    const def = '+proj=tmerc +lat_0=0 +lon_0=117 +k=1 +x_0=39500000 +y_0=0 +ellps=GRS80 +units=m +no_defs';
    const pts = [
      [118.3861, 24.9603],
      [118.5778, 24.8131],
    ].map((p) => proj4('WGS84', def).forward(p));
    const northingFirst = pts.map(([e = 0, n = 0]) => [n, e] as [number, number]);
    expect(guessCrs(northingFirst, QZ_BOX)).toMatchObject({ crs: 'EPSG:4527', swapped: true, inside: 1 });
    expect(guessCrs([[24.96, 118.38]], QZ_BOX)).toMatchObject({ crs: 'wgs84', swapped: true });
    expect(guessCrs([[0, 0]], QZ_BOX)).toBeNull();
  });
});
