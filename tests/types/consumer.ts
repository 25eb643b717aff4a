// Type-checked with `tsc --noEmit -p tests/types`: the declarations must describe real use.
import init, { validate, validateJson, crossYear, check, checkFile, parseFile, configureFiles, cells, rules, version, type FileKind, type CheckOptions, type Diagnostic, type Format, type IssuerKind, type ValidationResult } from "xxgknb";
import { validate as validateLite } from "xxgknb/lite";
import { attach, pattern, type FormHandle, type LoadErrorEventDetail } from "xxgknb/form";
import type { Applications, ApplicantRow } from "xxgknb";

await init();
const result: ValidationResult = validate({ year: 2024, applications: { received: { natural: "１２", total: 12 } } }, { locale: "en", partial: true });
const kind: IssuerKind = "government";
validate({ year: 2024, issuer: "示例县人民政府", publishedOn: "2025-03-20" }, { issuerKind: kind, deadline: "03-31" });
const first: Diagnostic | undefined = result.diagnostics[0];
const fix: number | undefined = first?.expected;
const lite = validateLite({ year: 2020 }, { rules: { "blank-cell": "off" } });
const fromText = validateJson("{}");
const pairFindings: Diagnostic[] = crossYear("{}", new TextEncoder().encode("{}"), { locale: "en", rules: { "text-reuse": "off" } }).diagnostics;
// @ts-expect-error: last year's report is the second argument, not an option
crossYear("{}", "{}", { previous: {} });
const checked = check("<table></table>", { kind: "html" });
const year: number | null = checked.year;
const carried = check(new TextEncoder().encode("x"), { report: ["/applications/carriedForward"] }).report.applications?.carriedForward;
const findingsOnly: ValidationResult = check("x", { report: false });
// @ts-expect-error: without the report there is no `report`
check("x", { report: false }).report;
const wanted: boolean = Math.random() > 0.5;
const maybe = check("x", { report: wanted }).report?.year;
const someOptions: CheckOptions | undefined = Math.random() > 0.5 ? { locale: "en" } : undefined;
const unknownShape = check("x", someOptions).report?.issuer;
const PARTS = ["/issuer", "/year"] as const;
const parts = check("x", { report: PARTS }).report;
// `locations: true` gives them whatever `report` says (the CLI asks for parts and locations).
const findingsAt = check("x", { report: false, locations: true }).locations?.["/applications/received/total"]?.line;
const partsAt = check("x", { report: PARTS, locations: true }).locations?.["/year"]?.column;
// @ts-expect-error: a report of parts need not carry its format
const mustHaveFormat: Format = parts.format;
const paths: string[] = cells("2021").map((c) => c.path + c.row["zh-CN"]);
const ids = rules().map((r) => r.id);
const v: string = version;
// @ts-expect-error: formats are "2019" | "2021"
cells("2020");
// @ts-expect-error: options are checked
validate({}, { locale: "fr" });
const form: HTMLFormElement = document.createElement("form");
const handle: FormHandle = attach(form, { fields: { t3_r1_c1: "/applications/received/natural" }, validator: { validate: validateLite } });
const formResult: ValidationResult | null = handle.result;
const legacy: FormHandle = attach(form, {
  fields: pattern({ applications: "t3_r{row}_c{col}", reviewLitigation: "t4_c{col}" }, { fields: { nd: "/year" } }),
  wasmUrl: new URL("/static/cms/xxgknb_lite_bg.wasm", "https://cms.example"),
  missingCells: "mapped",
  messages: { "t3-row-total": { "zh-CN": "「{row}」合计应为 {expected}" } },
});
form.addEventListener("xxgknb:error", (event) => {
  const reason: LoadErrorEventDetail["reason"] = event.detail.reason;
  return reason;
});
const worded = validate({}, { messages: { "t3-row-total": "{row}: {expected}" } });
const row: ApplicantRow<number> = { natural: 1, total: 1 };
const apps: Applications = { results: { otherHandling: { natural: 1, overdueCorrection: row } } };
// @ts-expect-error: not a key of table 三
const wrongRow: Applications = { recieved: row };
export { formResult, legacy, file, fileKind, page, fileValid, worded, apps, wrongRow, fix, lite, fromText, year, carried, findingsOnly, maybe, unknownShape, mustHaveFormat, paths, ids, v };

// Files: PDF, Word; asynchronous.
configureFiles({ pdfjsBase: "/node_modules/pdfjs-dist/" });
const file = await parseFile(new Uint8Array([0x25, 0x50, 0x44, 0x46]), { kind: "pdf", limits: { maxPages: 50 }, locations: true });
const fileKind: FileKind = file.kind;
const page: number | undefined = file.locations?.["/applications/received/total"]?.page;
const fileCheck = await checkFile(new Blob([]), { report: false, locale: "en" });
const fileValid: boolean = fileCheck.valid;
const fileAt: number | undefined = fileCheck.locations?.["/year"]?.page;
// @ts-expect-error: no report was asked for
fileCheck.report;
// @ts-expect-error: not a kind of file
await parseFile("x", { kind: "xls" });
