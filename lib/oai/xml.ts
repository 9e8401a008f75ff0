// Serialising OAI-PMH responses: plain objects in fast-xml-parser's builder shape ("@_name" for
// attributes, "#text" for text, arrays for repeated elements) to a UTF-8 XML document. The builder
// escapes markup; characters XML 1.0 cannot carry at all (most C0 controls, lone surrogates,
// U+FFFE/U+FFFF) are dropped here, so no input — not even a harvester's garbled argument echoed
// in an error message — can make a response ill-formed.
import { XMLBuilder } from "fast-xml-parser";

export type XmlNode = { [name: string]: XmlValue };
export type XmlValue = string | XmlNode | XmlNode[] | string[] | (string | XmlNode)[];

const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function xmlSafe(value: unknown): string {
  return String(value).replace(NOT_XML, "");
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  textNodeName: "#text",
  processEntities: true,
  suppressEmptyNode: true,
  tagValueProcessor: (_name, value) => xmlSafe(value),
  attributeValueProcessor: (_name, value) => xmlSafe(value),
});

export function toXmlDocument(root: XmlNode): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build(root)}`;
}

/** Appends a repeatable child element, keeping the order in which children of one name are added. */
export function addChild(parent: XmlNode, name: string, value: string | XmlNode) {
  const list = (parent[name] ??= []) as (string | XmlNode)[];
  list.push(value);
}

/** An element with attributes (undefined ones left out) and optional text. */
export function element(attributes: Record<string, string | undefined>, text?: string): XmlNode {
  const node: XmlNode = {};
  for (const [k, v] of Object.entries(attributes)) if (v !== undefined) node[`@_${k}`] = v;
  if (text !== undefined) node["#text"] = text;
  return node;
}
