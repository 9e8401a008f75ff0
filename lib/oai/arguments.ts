// OAI-PMH 2.0 request arguments: which verb, which arguments it allows and requires, and the
// syntax of dates — the argument rules of the protocol (sections 3.1, 3.3 and 4), as a pure
// function from the request's name/value pairs to a request or to the errors to answer with.

export const VERBS = ["Identify", "ListMetadataFormats", "ListSets", "ListIdentifiers", "ListRecords", "GetRecord"] as const;
export type Verb = (typeof VERBS)[number];

export type OaiErrorCode =
  | "badArgument"
  | "badResumptionToken"
  | "badVerb"
  | "cannotDisseminateFormat"
  | "idDoesNotExist"
  | "noRecordsMatch"
  | "noMetadataFormats"
  | "noSetHierarchy";

export type OaiError = { code: OaiErrorCode; message: string };

/** An instant with the granularity it was given in: "day" (YYYY-MM-DD) or "second" (YYYY-MM-DDThh:mm:ssZ). */
export type OaiDate = { granularity: "day" | "second"; value: string; date: Date };

export type ListArguments = {
  metadataPrefix: string;
  from?: OaiDate;
  until?: OaiDate;
  set?: string;
};

export type OaiRequest =
  | { verb: "Identify" }
  | { verb: "ListMetadataFormats"; identifier?: string }
  | { verb: "ListSets"; resumptionToken?: string }
  | { verb: "GetRecord"; identifier: string; metadataPrefix: string }
  | ({ verb: "ListIdentifiers" | "ListRecords" } & ({ resumptionToken: string } | ({ resumptionToken?: undefined } & ListArguments)));

/** Allowed arguments per verb; `exclusive` may only appear alone (besides verb). */
const RULES: Record<Verb, { required: string[]; optional: string[]; exclusive?: string }> = {
  Identify: { required: [], optional: [] },
  ListMetadataFormats: { required: [], optional: ["identifier"] },
  ListSets: { required: [], optional: [], exclusive: "resumptionToken" },
  GetRecord: { required: ["identifier", "metadataPrefix"], optional: [] },
  ListIdentifiers: { required: ["metadataPrefix"], optional: ["from", "until", "set"], exclusive: "resumptionToken" },
  ListRecords: { required: ["metadataPrefix"], optional: ["from", "until", "set"], exclusive: "resumptionToken" },
};

export type ParsedRequest =
  | { ok: true; request: OaiRequest; /** The arguments to echo in the response's request element. */ echo: Record<string, string> }
  | { ok: false; errors: OaiError[] };

const SYNTAX: Record<string, { pattern: RegExp; description: string }> = {
  metadataPrefix: { pattern: /^[A-Za-z0-9\-_.!~*'()]+$/, description: "letters, digits and - _ . ! ~ * ' ( ) only" },
  set: { pattern: /^[A-Za-z0-9\-_.!~*'()]+(:[A-Za-z0-9\-_.!~*'()]+)*$/, description: "a setSpec such as unit:institute:division" },
  identifier: {
    pattern: /^[A-Za-z][A-Za-z0-9+.-]*:(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})+$/,
    description: "a URI, such as oai:{repository}:{handle}",
  },
};

const isVerb = (v: string): v is Verb => (VERBS as readonly string[]).includes(v);

/** Validates the request's arguments (in the order they came) against the protocol's rules. */
export function parseOaiArguments(pairs: [string, string][]): ParsedRequest {
  const verbs = pairs.filter(([k]) => k === "verb").map(([, v]) => v);
  if (verbs.length === 0) return fail("badVerb", "The request has no verb argument.");
  if (verbs.length > 1) return fail("badVerb", "The verb argument is repeated.");
  const verb = verbs[0];
  if (!isVerb(verb)) return fail("badVerb", `"${verb}" is not an OAI-PMH verb; the verbs are ${VERBS.join(", ")}.`);

  const rule = RULES[verb];
  const allowed = new Set([...rule.required, ...rule.optional, ...(rule.exclusive ? [rule.exclusive] : [])]);
  const args: Record<string, string> = {};
  const errors: OaiError[] = [];
  for (const [name, value] of pairs) {
    if (name === "verb") continue;
    if (!allowed.has(name)) {
      errors.push({ code: "badArgument", message: `${verb} does not take the argument "${name}".` });
    } else if (name in args) {
      errors.push({ code: "badArgument", message: `The argument "${name}" is repeated.` });
    } else if (value === "") {
      errors.push({ code: "badArgument", message: `The argument "${name}" is empty.` });
    } else {
      args[name] = value;
    }
  }
  if (errors.length) return { ok: false, errors };

  if (rule.exclusive && args[rule.exclusive] !== undefined) {
    const others = Object.keys(args).filter((k) => k !== rule.exclusive);
    if (others.length) {
      return fail("badArgument", `${rule.exclusive} is an exclusive argument: it cannot be combined with ${others.join(", ")}.`);
    }
    return { ok: true, request: { verb, resumptionToken: args[rule.exclusive] } as OaiRequest, echo: args };
  }
  const missing = rule.required.filter((r) => args[r] === undefined);
  if (missing.length) return fail("badArgument", `${verb} requires the argument${missing.length > 1 ? "s" : ""} ${missing.join(" and ")}.`);
  // Values the response would echo must have the syntax the schema gives them (protocol 3.3, 3.4).
  for (const [name, syntax] of Object.entries(SYNTAX)) {
    if (args[name] !== undefined && !syntax.pattern.test(args[name])) return fail("badArgument", `${name} must be ${syntax.description}.`);
  }

  if (verb === "ListIdentifiers" || verb === "ListRecords") {
    const from = args.from === undefined ? undefined : parseOaiDate(args.from, "from");
    const until = args.until === undefined ? undefined : parseOaiDate(args.until, "until");
    for (const d of [from, until]) if (d && "code" in d) errors.push(d);
    if (errors.length) return { ok: false, errors };
    const f = from as OaiDate | undefined;
    const u = until as OaiDate | undefined;
    if (f && u && f.granularity !== u.granularity) {
      return fail("badArgument", "from and until must have the same granularity (both days or both seconds).");
    }
    if (f && u && f.date.getTime() > u.date.getTime()) return fail("badArgument", "from is later than until.");
    return {
      ok: true,
      request: { verb, metadataPrefix: args.metadataPrefix, from: f, until: u, set: args.set },
      echo: args,
    };
  }
  return { ok: true, request: { verb, ...args } as OaiRequest, echo: args };
}

function fail(code: OaiErrorCode, message: string): ParsedRequest {
  return { ok: false, errors: [{ code, message }] };
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const SECOND = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;

/**
 * A from/until value in either granularity this repository supports. `date` is the first instant
 * the value covers; for an until value the caller adds the value's length (a day or a second) to
 * make the bound inclusive.
 */
export function parseOaiDate(value: string, name: string): OaiDate | OaiError {
  const m = SECOND.exec(value) ?? DAY.exec(value);
  const bad: OaiError = {
    code: "badArgument",
    message: `${name} must be a UTC date YYYY-MM-DD or a time YYYY-MM-DDThh:mm:ssZ; "${value}" is neither.`,
  };
  if (!m) return bad;
  const [y, mo, d, h = "0", mi = "0", s = "0"] = m.slice(1);
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)));
  // Reject dates that do not exist (2023-02-30, 24:00:00) rather than letting Date roll them over.
  if (
    date.getUTCFullYear() !== Number(y) ||
    date.getUTCMonth() !== Number(mo) - 1 ||
    date.getUTCDate() !== Number(d) ||
    date.getUTCHours() !== Number(h) ||
    date.getUTCMinutes() !== Number(mi) ||
    date.getUTCSeconds() !== Number(s)
  ) {
    return bad;
  }
  return { granularity: value.includes("T") ? "second" : "day", value, date };
}

/** The first instant after the period an until value names: the bound is inclusive. */
export function untilExclusive(until: OaiDate): Date {
  return new Date(until.date.getTime() + (until.granularity === "day" ? 86_400_000 : 1000));
}

/** An instant as an OAI-PMH datestamp, to the second in UTC ("2023-08-14T09:30:00Z"). */
export function toDatestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}
