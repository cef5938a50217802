// Completion and hover docs from the flow's JSON Schema (schema/flow.schema.json, which
// schemars writes from the Rust types, so its descriptions are the format's own docs). The JSON
// path at the cursor comes from the editor's syntax tree; the schema is walked along it.
import { syntaxTree } from '@codemirror/language';
import { hoverTooltip } from '@codemirror/view';

/** The schema node behind a `$ref`, and the variants of `oneOf`/`anyOf`/`allOf` flattened. */
function variants(schema, root, seen = 0) {
  if (!schema || seen > 20) return [];
  if (schema.$ref) {
    const name = schema.$ref.replace('#/definitions/', '');
    return variants(root.definitions?.[name], root, seen + 1);
  }
  const parts = [...(schema.oneOf ?? []), ...(schema.anyOf ?? []), ...(schema.allOf ?? [])];
  if (parts.length) return [schema, ...parts.flatMap((s) => variants(s, root, seen + 1))];
  return [schema];
}

/** The schemas that may describe the value at `path` (keys and indexes); `siblings` picks the
 * variant of a tagged object, such as a node by its `type`. */
function at(root, path, objects) {
  let here = [root];
  path.forEach((step, depth) => {
    const next = [];
    for (const schema of here.flatMap((s) => variants(s, root))) {
      if (typeof step === 'number') {
        if (schema.items) next.push(schema.items);
      } else if (schema.properties?.[step]) {
        if (matches(schema, objects[depth], root)) next.push(schema.properties[step]);
      }
    }
    here = next;
  });
  return here;
}

/** Whether an object variant fits what the object already says (its `type`, `kind`). */
function matches(schema, object, root) {
  if (!object) return true;
  for (const [key, value] of Object.entries(object)) {
    const allowed = variants(schema.properties?.[key], root).flatMap((s) => s.enum ?? (s.const !== undefined ? [s.const] : []));
    if (allowed.length && !allowed.includes(value)) return false;
  }
  return true;
}

/** The object members already written (string values only), for picking variants. */
function tagsOf(node, state) {
  const tags = {};
  if (node?.name !== 'Object') return tags;
  for (let p = node.firstChild; p; p = p.nextSibling) {
    if (p.name !== 'Property') continue;
    const key = p.getChild('PropertyName');
    const value = key?.nextSibling;
    if (key && value?.name === 'String') tags[unquote(state, key)] = unquote(state, value);
  }
  return tags;
}

const unquote = (state, node) => {
  try {
    return JSON.parse(state.sliceDoc(node.from, node.to));
  } catch {
    return state.sliceDoc(node.from + 1, node.to - 1);
  }
};

/** The JSON path of the value `node` stands in, with the objects along it (for their tags). */
function pathOf(node, state) {
  const path = [];
  const objects = [];
  for (let n = node; n; n = n.parent) {
    const parent = n.parent;
    if (n.name === 'Property') {
      const key = n.getChild('PropertyName');
      if (key) path.unshift(unquote(state, key));
      objects.unshift(tagsOf(parent, state));
    } else if (parent?.name === 'Array' && n.name !== '[' && n.name !== ']' && n.name !== ',') {
      let index = 0;
      for (let c = parent.firstChild; c && c.from < n.from; c = c.nextSibling) {
        if (!['[', ']', ',', '⚠', 'LineComment', 'BlockComment'].includes(c.name)) index += 1;
      }
      path.unshift(index);
      objects.unshift(undefined);
    }
  }
  return { path, objects };
}

const describe = (schemas, root) =>
  schemas.flatMap((s) => variants(s, root)).map((s) => s.description).find(Boolean) ?? '';

/** Completion of keys (with their docs) and of values from enums, where the cursor is. */
export function completeFrom(schema) {
  return (context) => {
    const { state } = context;
    const tree = syntaxTree(state);
    const node = tree.resolveInner(context.pos, -1);
    const inKey = node.name === 'PropertyName' || (node.name === '{' || node.name === 'Object' || node.name === ',' || node.name === '⚠');
    const word = context.matchBefore(/"?[\w$-]*/);
    if (!word && !context.explicit) return null;
    // A key: the object the cursor is in, and the keys it does not have yet.
    let object = node.name === 'Object' ? node : node.parent;
    while (object && object.name !== 'Object') object = object.parent;
    const valueOf = node.name === 'String' && node.parent?.name === 'Property' && node.prevSibling?.name === 'PropertyName' ? node.parent : null;
    if (valueOf) {
      const { path, objects } = pathOf(valueOf, state);
      const values = at(schema, path, objects).flatMap((s) => variants(s, schema)).flatMap((s) => s.enum ?? []);
      if (!values.length) return null;
      return { from: node.from, options: [...new Set(values)].map((v) => ({ label: JSON.stringify(v), type: 'enum' })) };
    }
    if (!inKey || !object) return null;
    const { path, objects } = pathOf(object, state);
    const present = tagsOf(object, state);
    const have = new Set();
    for (let p = object.firstChild; p; p = p.nextSibling) {
      const key = p.name === 'Property' && p.getChild('PropertyName');
      if (key) have.add(unquote(state, key));
    }
    const options = [];
    for (const s of at(schema, path, objects).flatMap((x) => variants(x, schema))) {
      if (!s.properties || !matches(s, present, schema)) continue;
      for (const [key, prop] of Object.entries(s.properties)) {
        if (have.has(key) || options.some((o) => o.key === key)) continue;
        options.push({ key, label: JSON.stringify(key), type: 'property', info: describe([prop], schema), apply: `${JSON.stringify(key)}: ` });
      }
    }
    if (!options.length) return null;
    return { from: word ? word.from : context.pos, options, validFor: /^"?[\w$-]*"?$/ };
  };
}

/** A key's description from the schema when the pointer rests on it. */
export function hoverFrom(schema) {
  return hoverTooltip((view, pos) => {
    const node = syntaxTree(view.state).resolveInner(pos, 1);
    if (node.name !== 'PropertyName') return null;
    const { path, objects } = pathOf(node.parent, view.state);
    const text = describe(at(schema, path, objects), schema);
    if (!text) return null;
    return {
      pos: node.from,
      end: node.to,
      above: true,
      create() {
        const dom = document.createElement('div');
        dom.className = 'hover-doc';
        const key = document.createElement('strong');
        key.textContent = path.filter((p) => typeof p === 'string').at(-1) ?? '';
        dom.append(key, document.createTextNode(`: ${text}`));
        return { dom };
      },
    };
  });
}
