// Label documents for tests: objects with placeholder authorship (the server stamps its own).

const AT = '2026-01-01T00:00:00.000Z';

export const labelObject = (id: string, featureId: string, geometry: object, extra: object = {}) => ({
  id,
  featureId,
  geometry,
  attributes: [] as object[],
  createdBy: 'x',
  createdAt: AT,
  updatedBy: 'x',
  updatedAt: AT,
  ...extra,
});

export const labelDoc = (...objects: object[]) => ({ formatVersion: 1, objects, classifications: [] });
