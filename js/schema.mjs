// The JSON Schema (2020-12) of the model in one layout, built from `cells()`: the layout
// catalogue stays the single source of truth, and the wasm carries no schema code.
/** @import { CellInfo, JsonSchema } from './types.js' */

/** A table's or row's object in the schema: what `buildSchema` fills in.
 * @typedef {{ type: 'object', properties: Record<string, any>, required: string[], additionalProperties: false }} SchemaObject */

/** @param {CellInfo} c @returns {{ type: string[], minimum?: number, title?: string, description?: string }} */
const leaf = (c) => {
  /** @type {{ type: string[], minimum?: number, title?: string, description?: string }} */
  const s =
    c.kind === 'money'
      ? { type: ['number', 'null'], minimum: 0 }
      : c.kind === 'signed'
        ? { type: ['integer', 'null'] }
        : { type: ['integer', 'null'], minimum: 0 };
  s.title = [c.group?.['zh-CN'], c.row['zh-CN'], c.column['zh-CN']].filter(Boolean).join(' ');
  if (c.unit) s.description = `单位：${c.unit}`;
  return s;
};

/** @returns {SchemaObject} */
const object = () => ({ type: 'object', properties: {}, required: [], additionalProperties: false });

/** @param {'2019' | '2021'} format @param {CellInfo[]} cells @returns {JsonSchema} */
export function buildSchema(format, cells) {
  /** @type {Record<string, any>} */
  const properties = {
    $schema: { type: 'string' },
    year: { type: 'integer', minimum: 2000, maximum: 2100, title: '统计年度' },
    format: { const: format, title: '格式版本' },
    issuer: { type: 'string', title: '发布机关' },
    publishedOn: { type: 'string', format: 'date', title: '发布日期' },
    sections: {
      type: 'object',
      properties: Object.fromEntries(
        ['overview', 'proactive', 'applications', 'reviewLitigation', 'problems', 'other'].map((k) => [
          k,
          { type: 'string' },
        ]),
      ),
      additionalProperties: false,
    },
  };
  for (const c of cells) {
    const keys = c.path.slice(1).split('/');
    let props = properties;
    keys.forEach((k, i) => {
      if (i === keys.length - 1) {
        props[k] = leaf(c);
        return;
      }
      props[k] ??= object();
      if (!props[k].required.includes(keys[i + 1])) props[k].required.push(keys[i + 1]);
      props = props[k].properties;
    });
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `https://xxgknb.invalid/schema/report-${format}.json`,
    title: `政府信息公开工作年度报告（${format} 年版格式）`,
    type: 'object',
    required: ['year', 'proactive', 'applications', 'reviewLitigation'],
    properties,
    additionalProperties: false,
  };
}
