// The generated OpenAPI document validates against the OpenAPI 3.1 schema and describes every
// route file under app/api/v1.
import fs from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./openapi";

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

describe("OpenAPI document", () => {
  const doc = buildOpenApiDocument("https://repository.example.org");

  it("is a valid OpenAPI 3.1 document", async () => {
    const validator = new Validator();
    const result = await validator.validate(doc as unknown as Parameters<Validator["validate"]>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("describes every route file under app/api/v1, and nothing else", () => {
    const root = path.resolve("app/api/v1");
    const routes = routeFiles(root).map((file) =>
      "/" + path.relative(root, path.dirname(file)).split(path.sep).map((part) => part.replace(/^\[(.+)\]$/, "{$1}")).join("/"),
    );
    expect(routes.length).toBeGreaterThanOrEqual(10);
    const paths = Object.keys(doc.paths as object);
    for (const route of routes) expect(paths, `${route} is not in the OpenAPI document`).toContain(route);
    for (const p of paths) expect(routes, `${p} has no route file`).toContain(p);
  });

  it("takes parameters and limits from the handlers' zod schemas", () => {
    const items = (doc.paths as Record<string, { get: { parameters: { name?: string; schema?: { maximum?: number } }[] } }>)["/items"].get;
    const limit = items.parameters.find((p) => p.name === "limit");
    expect(limit?.schema?.maximum).toBe(100);
    const schemas = (doc.components as { schemas: Record<string, { properties?: Record<string, unknown> }> }).schemas;
    expect(Object.keys(schemas.Item.properties ?? {})).toEqual(expect.arrayContaining(["handle", "issueDate", "files", "contributors"]));
  });

  it("describes the write endpoints with the bearer token scheme and the editor's item schema", () => {
    const components = doc.components as { securitySchemes: Record<string, { type: string; scheme?: string }> };
    expect(components.securitySchemes.apiToken).toMatchObject({ type: "http", scheme: "bearer" });
    const paths = doc.paths as Record<string, Record<string, { security?: unknown[]; requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown>; required?: string[] } }> }; parameters?: { name?: string }[] }>>;
    for (const [path, method] of [["/curate/items", "post"], ["/curate/items/{id}", "put"], ["/curate/items/{id}", "patch"], ["/curate/items/{id}/status", "post"], ["/curate/files", "post"], ["/curate/files/{fileId}", "put"]]) {
      expect(paths[path][method].security, `${method} ${path}`).toEqual([{ apiToken: [] }, { session: [] }]);
    }
    const create = paths["/curate/items"].post.requestBody!.content["application/json"].schema;
    expect(Object.keys(create.properties ?? {})).toEqual(expect.arrayContaining(["title", "doi", "contributors", "collectionId"]));
    expect(create.required).toEqual(["type", "title", "collectionId"]);
    expect(paths["/curate/items/{id}"].put.parameters?.map((p) => p.name)).toContain("If-Match");
  });

  it("describes the researcher, unit and collection writes with the workspace's schemas", () => {
    type Operation = { operationId: string; security?: unknown[]; requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown>; required?: string[] } }> }; parameters?: { name?: string }[]; responses: Record<string, unknown> };
    const paths = doc.paths as Record<string, Record<string, Operation>>;
    const schemas = (doc.components as { schemas: Record<string, { properties?: Record<string, unknown> }> }).schemas;
    const kinds: [string, string, string[], string[]][] = [
      ["researchers", "Researcher", ["slug", "displayName"], ["orcid", "primaryUnitId", "unitIds", "links"]],
      ["units", "Unit", ["slug", "name"], ["altName", "parentId"]],
      ["collections", "Collection", ["slug", "name", "unitId"], ["description", "unitId"]],
    ];
    for (const [segment, name, required, fields] of kinds) {
      const create = paths[`/curate/${segment}`].post;
      expect(create.operationId).toBe(`create${name}`);
      const body = create.requestBody!.content["application/json"].schema;
      expect(body.required).toEqual(required);
      expect(Object.keys(body.properties ?? {})).toEqual(expect.arrayContaining(fields));
      for (const method of ["get", "put", "patch"]) {
        const operation = paths[`/curate/${segment}/{id}`][method];
        expect(operation.security, `${method} ${segment}`).toEqual([{ apiToken: [] }, { session: [] }]);
        expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(method === "get" ? ["200", "401", "403", "404"] : ["200", "401", "403", "404", "412", "422", "428"]));
        if (method !== "get") expect(operation.parameters?.map((p) => p.name)).toContain("If-Match");
      }
      expect(Object.keys(schemas[`Editable${name}`].properties ?? {})).toEqual(expect.arrayContaining(["id", "version", "slug", ...fields]));
    }
  });
});
