// Validates OAI-PMH responses against the official XML schemas in this folder with libxml2
// (compiled to WebAssembly: no system packages needed), the way a harvester's validator would.
import fs from "node:fs";
import path from "node:path";
import { validateXML } from "xmllint-wasm";

const DIR = path.dirname(new URL(import.meta.url).pathname);
const file = (fileName: string) => ({ fileName, contents: fs.readFileSync(path.join(DIR, fileName), "utf8") });
const SCHEMAS = ["OAI-PMH.xsd", "oai_dc.xsd", "simpledc20021212.xsd", "xml.xsd", "oai-identifier.xsd", "mods-stub.xsd"].map(file);

export type ValidationResult = { valid: boolean; errors: string[] };

/** Strict validation of the OAI-PMH envelope and of oai_dc and oai-identifier content. */
export async function validateOaiPmh(xml: string, options: { mods?: boolean } = {}): Promise<ValidationResult> {
  const wrapper = file(options.mods ? "wrapper-with-mods.xsd" : "wrapper.xsd");
  const result = await validateXML({ xml: [{ fileName: "response.xml", contents: xml }], schema: [wrapper], preload: SCHEMAS });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage) };
}
