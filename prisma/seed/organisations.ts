// Jobcentres, the operator, institutions, companies and the people in them.
import type { Prisma } from "~/generated/prisma/client";
import { completeCvr } from "~/modules/organisations/cvr";
import { COMPANY_NAME_PREFIXES, LEGAL_FORMS, SECTOR_BY_ISCO_MAJOR } from "./demo-occupations";
import { DEMO_USERS } from "./demo-users";
import { chance, createRng, seededId, slug, type Rng } from "./rng";
import type { Place, SeedInput, SeedOccupation } from "./types";

export const JOBCENTRES = [
  { key: "aalborg", name: "Jobcenter Aalborg", municipalityCode: "0851", postalCode: "9000" },
  { key: "aarhus", name: "Jobcenter Aarhus", municipalityCode: "0751", postalCode: "8000" },
  { key: "odense", name: "Jobcenter Odense", municipalityCode: "0461", postalCode: "5000" },
] as const;

export const OPERATOR = { name: "Jobbro Drift", postalCode: "8000" };

/** Each institution runs offerings in its home municipality and in Aarhus, between the other two. */
export const INSTITUTIONS = [
  { name: "AMU Nordjylland", postalCode: "9200", municipalities: ["0851", "0751"] },
  { name: "Syddansk Erhvervsskole", postalCode: "5200", municipalities: ["0461", "0751"] },
] as const;

const DEMO_COMPANY = "Nordlys Byg ApS";
const EXTRA_CONSULTANTS_PER_JOBCENTRE = 3;

export interface CompanyPlan {
  id: string;
  name: string;
  place: Place;
  jobcentreId: string;
  occupations: SeedOccupation[];
  contactUserId: string;
}

export interface OrganisationPlan {
  organisations: Prisma.OrganisationCreateManyInput[];
  users: Omit<Prisma.UserCreateManyInput, "passwordHash">[];
  memberships: Prisma.MembershipCreateManyInput[];
  jobcentres: { id: string; municipalityCode: string; consultantIds: string[] }[];
  institutions: { id: string; name: string; places: Place[] }[];
  companies: CompanyPlan[];
}

function placeOf(input: SeedInput, postalCode: string): Place {
  for (const places of input.placesByMunicipality.values()) {
    const found = places.find((p) => p.postalCode === postalCode);
    if (found) return found;
  }
  throw new Error(`Postal code ${postalCode} has no coordinates; run \`npm run geography:import\`.`);
}

export function placesIn(input: SeedInput, municipalityCode: string): Place[] {
  const places = input.placesByMunicipality.get(municipalityCode);
  if (!places?.length) throw new Error(`Municipality ${municipalityCode} has no postal codes with coordinates; run \`npm run geography:import\`.`);
  return places;
}

function address(rng: Rng, place: Place) {
  return {
    street: `${rng.location.street()} ${rng.number.int({ min: 1, max: 140 })}`,
    postalCode: place.postalCode,
    city: place.city,
    latitude: place.latitude,
    longitude: place.longitude,
  };
}

function uniqueCvr(rng: Rng, used: Set<string>): string {
  for (;;) {
    const cvr = completeCvr(String(rng.number.int({ min: 1_000_000, max: 4_499_999 })));
    if (cvr && !used.has(cvr)) {
      used.add(cvr);
      return cvr;
    }
  }
}

function companyOccupations(rng: Rng, pool: SeedOccupation[], isDemoCompany: boolean): SeedOccupation[] {
  const construction = pool.filter((o) => o.iscoCode?.startsWith("71"));
  const primary = isDemoCompany && construction.length > 0 ? rng.helpers.arrayElement(construction) : rng.helpers.arrayElement(pool);
  const major = primary.iscoCode?.charAt(0);
  const related = pool.filter((o) => o !== primary && (isDemoCompany ? construction : pool).includes(o) && o.iscoCode?.charAt(0) === major);
  const others = rng.helpers.arrayElements(related.length > 0 ? related : pool.filter((o) => o !== primary), { min: 1, max: 3 });
  return [primary, ...others];
}

export function planOrganisations(input: SeedInput, seed: number, companyCount: number): OrganisationPlan {
  const rng = createRng(seed, "organisations");
  const plan: OrganisationPlan = { organisations: [], users: [], memberships: [], jobcentres: [], institutions: [], companies: [] };
  const orgIdByName = new Map<string, string>();
  const emails = new Set<string>();

  const addOrg = (row: Omit<Prisma.OrganisationCreateManyInput, "id">) => {
    const id = seededId(rng);
    plan.organisations.push({ id, ...row });
    orgIdByName.set(row.name, id);
    return id;
  };
  const addUser = (organisationId: string, name: string, email: string) => {
    if (emails.has(email)) email = email.replace("@", `.${emails.size}@`);
    emails.add(email);
    const id = seededId(rng);
    plan.users.push({ id, email, name, locale: "da" });
    const isFirst = !plan.memberships.some((m) => m.organisationId === organisationId);
    plan.memberships.push({ id: seededId(rng), userId: id, organisationId, role: isFirst ? "ADMIN" : "MEMBER" });
    return id;
  };
  const person = () => {
    const first = rng.person.firstName();
    const last = rng.person.lastName();
    return { name: `${first} ${last}`, local: `${slug(first)}.${slug(last)}` };
  };

  for (const jc of JOBCENTRES) {
    const id = addOrg({ kind: "JOBCENTRE", name: jc.name, municipalityCode: jc.municipalityCode, ...address(rng, placeOf(input, jc.postalCode)) });
    plan.jobcentres.push({ id, municipalityCode: jc.municipalityCode, consultantIds: [] });
  }
  addOrg({ kind: "OPERATOR", name: OPERATOR.name, ...address(rng, placeOf(input, OPERATOR.postalCode)) });
  for (const inst of INSTITUTIONS) {
    const id = addOrg({ kind: "INSTITUTION", name: inst.name, ...address(rng, placeOf(input, inst.postalCode)) });
    plan.institutions.push({ id, name: inst.name, places: inst.municipalities.flatMap((m) => placesIn(input, m)) });
  }

  const cvrs = new Set<string>();
  const companyNames = new Set<string>();
  for (let i = 0; i < companyCount; i++) {
    const jobcentre = plan.jobcentres[(i + 1) % plan.jobcentres.length]; // company 0, the demo company, lies in Aarhus
    const place = rng.helpers.arrayElement(placesIn(input, jobcentre.municipalityCode));
    const occupations = companyOccupations(rng, input.occupations, i === 0);
    let name = DEMO_COMPANY;
    if (i > 0) {
      do {
        const sectors = SECTOR_BY_ISCO_MAJOR[occupations[0].iscoCode?.charAt(0) ?? ""] ?? ["Service"];
        const owner = chance(rng, 0.4) ? rng.person.lastName() : rng.helpers.arrayElement(COMPANY_NAME_PREFIXES);
        name = `${owner} ${rng.helpers.arrayElement(sectors)} ${rng.helpers.arrayElement(LEGAL_FORMS)}`;
      } while (companyNames.has(name));
    }
    companyNames.add(name);
    const id = addOrg({ kind: "COMPANY", name, cvr: uniqueCvr(rng, cvrs), servedById: jobcentre.id, ...address(rng, place) });
    plan.companies.push({ id, name, place, jobcentreId: jobcentre.id, occupations, contactUserId: "" });
  }

  // Demo users first, so each is the ADMIN of their organisation.
  for (const demo of DEMO_USERS) {
    const orgId = orgIdByName.get(demo.organisation);
    if (!orgId) throw new Error(`Demo user ${demo.email} names organisation "${demo.organisation}", which the seed does not create.`);
    const userId = addUser(orgId, demo.name, demo.email);
    plan.jobcentres.find((j) => j.id === orgId)?.consultantIds.push(userId);
  }
  for (const jc of plan.jobcentres) {
    const domain = slug(plan.organisations.find((o) => o.id === jc.id)!.name);
    for (let k = 0; k < EXTRA_CONSULTANTS_PER_JOBCENTRE; k++) {
      const p = person();
      jc.consultantIds.push(addUser(jc.id, p.name, `${p.local}@${domain}.jobbro.demo`));
    }
  }
  for (const inst of plan.institutions) {
    if (plan.memberships.some((m) => m.organisationId === inst.id)) continue;
    const p = person();
    addUser(inst.id, p.name, `${p.local}@${slug(inst.name)}.jobbro.demo`);
  }
  for (const company of plan.companies) {
    const existing = plan.memberships.find((m) => m.organisationId === company.id);
    if (existing) {
      company.contactUserId = existing.userId;
      continue;
    }
    const p = person();
    company.contactUserId = addUser(company.id, p.name, `${p.local}@${slug(company.name)}.jobbro.demo`);
  }
  return plan;
}
