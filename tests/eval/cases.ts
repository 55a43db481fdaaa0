// The labelled evaluation set of the matching engine (`npm run eval:matching`).
// Hand-written cases, each a small world: one vacancy, a few candidates, maybe
// course offerings. Skills are named by any of their labels (English, Danish or
// an alternative label) and resolved through the skills index, so the cases
// also test that every label of a skill reaches the same skill.
//
// expect.order: chains of candidate keys, best first; every adjacent and
//   transitive pair is one expected ordering (pairwise accuracy).
// expect.excluded: candidates that must never appear (exclusions must all hold).
// expect.upskilling: candidates that must be upskilling matches through exactly
//   these offerings.
// expect.nearMiss: candidates that must be shown as near misses (they miss at
//   most max(1, 20 %) of the required skills and no course teaches the gap).
// Cases about the rules of a path set showNearMisses: false, so that a
// candidate without a path is excluded rather than shown as a near miss.
import type { PlaceName } from "./taxonomy";

export interface EvalCandidate {
  skills: string[];
  at: PlaceName;
  radius?: number;
  availableInDays?: number;
  licence?: boolean;
  active?: boolean;
  consent?: boolean;
}

export interface EvalOffering {
  skills: string[];
  at?: PlaceName;
  online?: boolean;
  startsInDays: number;
  endsInDays: number;
  seats?: number;
}

export interface EvalCase {
  name: string;
  vacancy: {
    required: string[];
    nice?: string[];
    at: PlaceName;
    startsInDays: number;
    licence?: boolean;
    acceptsUpskilling?: boolean;
    showNearMisses?: boolean;
  };
  candidates: Record<string, EvalCandidate>;
  offerings?: Record<string, EvalOffering>;
  expect: {
    order?: string[][];
    excluded?: string[];
    upskilling?: Record<string, string[]>;
    nearMiss?: string[];
  };
}

const V = (required: string[], extra: Partial<EvalCase["vacancy"]> = {}): EvalCase["vacancy"] => ({
  required,
  at: "aarhus",
  startsInDays: 42,
  acceptsUpskilling: true,
  ...extra,
});

export const EVAL_CASES: EvalCase[] = [
  // ── Required-skill coverage ──────────────────────────────────────────────
  {
    name: "all required skills beat one missing (with course)",
    vacancy: V(["customer service", "operate cash register", "stock control"]),
    candidates: {
      all: { skills: ["customer service", "operate cash register", "stock control"], at: "aarhusN" },
      oneMissing: { skills: ["customer service", "operate cash register"], at: "aarhus" },
    },
    offerings: { course: { skills: ["stock control"], at: "aarhus", startsInDays: 7, endsInDays: 14 } },
    expect: { order: [["all", "oneMissing"]], upskilling: { oneMissing: ["course"] } },
  },
  {
    name: "all required beat one missing even when the full match lives further away",
    vacancy: V(["welding techniques", "first aid"]),
    candidates: {
      allFar: { skills: ["welding techniques", "first aid"], at: "randers", radius: 50 },
      missingNear: { skills: ["welding techniques"], at: "aarhus" },
    },
    offerings: { fa: { skills: ["first aid"], online: true, startsInDays: 3, endsInDays: 5 } },
    expect: { order: [["allFar", "missingNear"]] },
  },
  {
    name: "all required beat one missing even when the full match is available later",
    vacancy: V(["patient care", "first aid"], { startsInDays: 30 }),
    candidates: {
      allLate: { skills: ["patient care", "first aid"], at: "aarhusN", availableInDays: 29 },
      missingNow: { skills: ["patient care"], at: "aarhusN", availableInDays: 0 },
    },
    offerings: { fa: { skills: ["first aid"], at: "aarhus", startsInDays: 2, endsInDays: 4 } },
    expect: { order: [["allLate", "missingNow"]] },
  },
  {
    name: "one missing beats two missing",
    vacancy: V(["warehouse operations", "operate forklift", "stock control"], { acceptsUpskilling: true }),
    candidates: {
      oneMissing: { skills: ["warehouse operations", "operate forklift"], at: "aarhusN" },
      twoMissing: { skills: ["warehouse operations"], at: "aarhusN" },
    },
    offerings: {
      stock: { skills: ["stock control"], at: "aarhus", startsInDays: 5, endsInDays: 10 },
      truck: { skills: ["operate forklift"], at: "aarhus", startsInDays: 12, endsInDays: 16 },
    },
    expect: { order: [["oneMissing", "twoMissing"]] },
  },
  {
    name: "a candidate missing a required skill with no course is not a match when near misses are off",
    vacancy: V(["welding techniques", "drive heavy trucks"], { showNearMisses: false }),
    candidates: {
      full: { skills: ["welding techniques", "drive heavy trucks"], at: "aarhus" },
      noCourse: { skills: ["welding techniques"], at: "aarhus" },
    },
    expect: { order: [["full"]], excluded: ["noCourse"] },
  },
  {
    name: "missing one skill with no course is a near miss, below upskilling and full matches",
    vacancy: V(["welding techniques", "drive heavy trucks", "first aid"]),
    candidates: {
      full: { skills: ["welding techniques", "drive heavy trucks", "first aid"], at: "randers", radius: 50 },
      course: { skills: ["welding techniques", "first aid"], at: "randers", radius: 50 },
      nearMiss: { skills: ["welding techniques", "first aid"], at: "aarhus" },
      twoMissing: { skills: ["welding techniques"], at: "aarhus" },
    },
    // Only the one in Randers can reach the course (its radius covers Randers, the near miss's does not).
    offerings: { trucks: { skills: ["drive heavy trucks"], at: "randers", startsInDays: 5, endsInDays: 9 } },
    expect: { order: [["full", "course", "nearMiss"]], upskilling: { course: ["trucks"] }, nearMiss: ["nearMiss"], excluded: ["twoMissing"] },
  },
  {
    name: "courses at the same time are no path; a later course makes one",
    vacancy: V(["warehouse operations", "operate forklift", "stock control"], { showNearMisses: false }),
    candidates: { newcomer: { skills: ["warehouse operations"], at: "aarhusN" } },
    offerings: {
      forklift: { skills: ["operate forklift"], at: "aarhus", startsInDays: 5, endsInDays: 9 },
      stockSameWeek: { skills: ["stock control"], at: "aarhus", startsInDays: 7, endsInDays: 11 },
      stockLater: { skills: ["stock control"], online: true, startsInDays: 12, endsInDays: 14 },
    },
    expect: { order: [["newcomer"]], upskilling: { newcomer: ["forklift", "stockLater"] } },
  },
  {
    name: "a course's last seat goes to the better-ranked candidate",
    vacancy: V(["patient care", "first aid", "customer service"], { showNearMisses: false }),
    candidates: {
      near: { skills: ["patient care", "customer service"], at: "aarhus" },
      far: { skills: ["patient care", "customer service"], at: "aarhusN" },
    },
    offerings: { lastSeat: { skills: ["first aid"], at: "aarhus", startsInDays: 5, endsInDays: 6, seats: 1 } },
    expect: { order: [["near"]], upskilling: { near: ["lastSeat"] }, excluded: ["far"] },
  },
  {
    name: "no shared skill is never a match",
    vacancy: V(["patient care"]),
    candidates: {
      nurse: { skills: ["patient care"], at: "aarhus" },
      welder: { skills: ["welding techniques"], at: "aarhus" },
    },
    expect: { order: [["nurse"]], excluded: ["welder"] },
  },
  // ── Nice-to-have, distance, availability ─────────────────────────────────
  {
    name: "nice-to-have skills lift a full match",
    vacancy: V(["customer service"], { nice: ["Danish", "use spreadsheets software"] }),
    candidates: {
      twoNice: { skills: ["customer service", "Danish", "use spreadsheets software"], at: "aarhusN" },
      oneNice: { skills: ["customer service", "Danish"], at: "aarhusN" },
      none: { skills: ["customer service"], at: "aarhusN" },
    },
    expect: { order: [["twoNice", "oneNice", "none"]] },
  },
  {
    name: "nearer beats further, all else equal",
    vacancy: V(["cleaning techniques"]),
    candidates: {
      near: { skills: ["cleaning techniques"], at: "aarhusN", radius: 50 },
      mid: { skills: ["cleaning techniques"], at: "skanderborg", radius: 50 },
      far: { skills: ["cleaning techniques"], at: "randers", radius: 50 },
    },
    expect: { order: [["near", "mid", "far"]] },
  },
  {
    name: "available earlier beats available just before the start",
    vacancy: V(["cooking techniques"], { startsInDays: 40 }),
    candidates: {
      now: { skills: ["cooking techniques"], at: "aarhusN", availableInDays: 0 },
      soon: { skills: ["cooking techniques"], at: "aarhusN", availableInDays: 25 },
      justInTime: { skills: ["cooking techniques"], at: "aarhusN", availableInDays: 39 },
    },
    expect: { order: [["now", "soon", "justInTime"]] },
  },
  {
    name: "required coverage outweighs a nice-to-have skill",
    vacancy: V(["stock control", "warehouse operations"], { nice: ["operate forklift"] }),
    candidates: {
      fullNoNice: { skills: ["stock control", "warehouse operations"], at: "skanderborg" },
      missingWithNice: { skills: ["stock control", "operate forklift"], at: "aarhusN" },
    },
    offerings: { wh: { skills: ["warehouse operations"], at: "aarhus", startsInDays: 5, endsInDays: 9 } },
    expect: { order: [["fullNoNice", "missingWithNice"]] },
  },
  // ── Exclusions: radius ───────────────────────────────────────────────────
  {
    name: "outside the candidate's own radius never appears",
    vacancy: V(["food safety"]),
    candidates: {
      inside: { skills: ["food safety"], at: "skanderborg", radius: 30 },
      outside: { skills: ["food safety"], at: "randers", radius: 30 },
    },
    expect: { order: [["inside"]], excluded: ["outside"] },
  },
  {
    name: "a small radius excludes even a nearby town",
    vacancy: V(["cleaning techniques"]),
    candidates: {
      tight: { skills: ["cleaning techniques"], at: "skanderborg", radius: 10 },
      local: { skills: ["cleaning techniques"], at: "aarhusN", radius: 10 },
    },
    expect: { order: [["local"]], excluded: ["tight"] },
  },
  {
    name: "a large radius reaches a far workplace",
    vacancy: V(["drive heavy trucks"]),
    candidates: {
      longCommute: { skills: ["drive heavy trucks"], at: "silkeborg", radius: 60 },
      shortCommute: { skills: ["drive heavy trucks"], at: "silkeborg", radius: 30 },
    },
    expect: { order: [["longCommute"]], excluded: ["shortCommute"] },
  },
  {
    name: "another city is out of reach for an ordinary radius",
    vacancy: V(["patient care"]),
    candidates: {
      aalborg: { skills: ["patient care"], at: "aalborg", radius: 40 },
      odense: { skills: ["patient care"], at: "odense", radius: 60 },
      aarhus: { skills: ["patient care"], at: "aarhus", radius: 10 },
    },
    expect: { order: [["aarhus"]], excluded: ["aalborg", "odense"] },
  },
  // ── Exclusions: availability and hard requirements ───────────────────────
  {
    name: "available after the start date never appears",
    vacancy: V(["customer service"], { startsInDays: 20 }),
    candidates: {
      onTime: { skills: ["customer service"], at: "aarhus", availableInDays: 20 },
      tooLate: { skills: ["customer service"], at: "aarhus", availableInDays: 21 },
      muchLater: { skills: ["customer service"], at: "aarhus", availableInDays: 90 },
    },
    expect: { order: [["onTime"]], excluded: ["tooLate", "muchLater"] },
  },
  {
    name: "a driving licence requirement excludes those without one",
    vacancy: V(["warehouse operations"], { licence: true }),
    candidates: {
      licensed: { skills: ["warehouse operations"], at: "aarhus", licence: true },
      unlicensed: { skills: ["warehouse operations"], at: "aarhus", licence: false },
    },
    expect: { order: [["licensed"]], excluded: ["unlicensed"] },
  },
  {
    name: "no licence needed: both appear",
    vacancy: V(["warehouse operations"], { licence: false }),
    candidates: {
      licensed: { skills: ["warehouse operations"], at: "aarhusN", licence: true },
      unlicensed: { skills: ["warehouse operations"], at: "aarhus", licence: false },
    },
    expect: { order: [["unlicensed", "licensed"]] },
  },
  {
    name: "inactive candidates never appear",
    vacancy: V(["cleaning techniques"]),
    candidates: {
      active: { skills: ["cleaning techniques"], at: "aarhus" },
      inactive: { skills: ["cleaning techniques"], at: "aarhus", active: false },
    },
    expect: { order: [["active"]], excluded: ["inactive"] },
  },
  {
    name: "candidates without consent to matching never appear",
    vacancy: V(["cleaning techniques"]),
    candidates: {
      consented: { skills: ["cleaning techniques"], at: "aarhus" },
      noConsent: { skills: ["cleaning techniques"], at: "aarhus", consent: false },
    },
    expect: { order: [["consented"]], excluded: ["noConsent"] },
  },
  // ── Upskilling paths ─────────────────────────────────────────────────────
  {
    name: "an upskilling path only when the course ends before the start",
    vacancy: V(["operate forklift", "warehouse operations"], { startsInDays: 30, showNearMisses: false }),
    candidates: {
      inTime: { skills: ["warehouse operations"], at: "aarhus" },
    },
    offerings: { early: { skills: ["operate forklift"], at: "aarhus", startsInDays: 10, endsInDays: 15 } },
    expect: { order: [["inTime"]], upskilling: { inTime: ["early"] } },
  },
  {
    name: "a course ending on or after the start gives no path",
    vacancy: V(["operate forklift", "warehouse operations"], { startsInDays: 30, showNearMisses: false }),
    candidates: {
      late: { skills: ["warehouse operations"], at: "aarhus" },
      full: { skills: ["warehouse operations", "operate forklift"], at: "aarhus" },
    },
    offerings: { late: { skills: ["operate forklift"], at: "aarhus", startsInDays: 25, endsInDays: 30 } },
    expect: { order: [["full"]], excluded: ["late"] },
  },
  {
    name: "a course outside the candidate's radius gives no path, an online one does",
    vacancy: V(["first aid", "patient care"]),
    candidates: {
      online: { skills: ["patient care"], at: "aarhus", radius: 20 },
    },
    offerings: {
      farAway: { skills: ["first aid"], at: "aalborg", startsInDays: 5, endsInDays: 6 },
      web: { skills: ["first aid"], online: true, startsInDays: 8, endsInDays: 9 },
    },
    expect: { order: [["online"]], upskilling: { online: ["web"] } },
  },
  {
    name: "a full course gives no path",
    vacancy: V(["food safety", "cooking techniques"], { showNearMisses: false }),
    candidates: { cook: { skills: ["cooking techniques"], at: "aarhus" } },
    offerings: { full: { skills: ["food safety"], at: "aarhus", startsInDays: 5, endsInDays: 8, seats: 0 } },
    expect: { excluded: ["cook"] },
  },
  {
    name: "a course starting before the candidate is available gives no path",
    vacancy: V(["food safety", "cooking techniques"], { startsInDays: 60, showNearMisses: false }),
    candidates: { cook: { skills: ["cooking techniques"], at: "aarhus", availableInDays: 20 } },
    offerings: { tooEarly: { skills: ["food safety"], at: "aarhus", startsInDays: 10, endsInDays: 12 } },
    expect: { excluded: ["cook"] },
  },
  {
    name: "two missing skills covered by two courses",
    vacancy: V(["warehouse operations", "operate forklift", "stock control"]),
    candidates: { newcomer: { skills: ["warehouse operations"], at: "aarhusN" } },
    offerings: {
      forklift: { skills: ["operate forklift"], at: "aarhus", startsInDays: 5, endsInDays: 9 },
      stock: { skills: ["stock control"], online: true, startsInDays: 10, endsInDays: 12 },
    },
    expect: { order: [["newcomer"]], upskilling: { newcomer: ["forklift", "stock"] } },
  },
  {
    name: "one course teaching both missing skills is preferred to two",
    vacancy: V(["warehouse operations", "operate forklift", "stock control"]),
    candidates: { newcomer: { skills: ["warehouse operations"], at: "aarhusN" } },
    offerings: {
      forklift: { skills: ["operate forklift"], at: "aarhus", startsInDays: 5, endsInDays: 9 },
      combined: { skills: ["operate forklift", "stock control"], at: "aarhus", startsInDays: 5, endsInDays: 20 },
    },
    expect: { order: [["newcomer"]], upskilling: { newcomer: ["combined"] } },
  },
  {
    name: "only one of two missing skills has a course: no upskilling match",
    vacancy: V(["warehouse operations", "operate forklift", "stock control"], { showNearMisses: false }),
    candidates: { partial: { skills: ["warehouse operations"], at: "aarhusN" } },
    offerings: { forklift: { skills: ["operate forklift"], at: "aarhus", startsInDays: 5, endsInDays: 9 } },
    expect: { excluded: ["partial"] },
  },
  {
    name: "a course for one of two missing skills makes a near miss when the rest is within the allowance",
    vacancy: V(["warehouse operations", "operate forklift", "stock control", "customer service", "first aid"]),
    candidates: {
      partial: { skills: ["warehouse operations", "customer service", "first aid"], at: "aarhusN" },
      noCourse: { skills: ["warehouse operations", "customer service"], at: "aarhusN" },
    },
    offerings: { forklift: { skills: ["operate forklift"], at: "aarhus", startsInDays: 5, endsInDays: 9 } },
    expect: { order: [["partial"]], nearMiss: ["partial"], excluded: ["noCourse"] },
  },
  {
    name: "upskilling match ranks below every full match",
    vacancy: V(["customer service", "operate cash register"], { nice: ["Danish"] }),
    candidates: {
      fullFar: { skills: ["customer service", "operate cash register"], at: "randers", radius: 50, availableInDays: 40 },
      upskillBest: { skills: ["customer service", "Danish"], at: "aarhus", availableInDays: 0 },
    },
    offerings: { till: { skills: ["operate cash register"], at: "aarhus", startsInDays: 3, endsInDays: 5 } },
    expect: { order: [["fullFar", "upskillBest"]] },
  },
  {
    name: "among upskilling matches, more skills already held ranks higher",
    vacancy: V(["patient care", "first aid", "cleaning techniques"]),
    candidates: {
      oneToLearn: { skills: ["patient care", "cleaning techniques"], at: "aarhusN" },
      twoToLearn: { skills: ["patient care"], at: "aarhusN" },
    },
    offerings: {
      fa: { skills: ["first aid"], at: "aarhus", startsInDays: 5, endsInDays: 6 },
      cl: { skills: ["cleaning techniques"], at: "aarhus", startsInDays: 7, endsInDays: 9 },
    },
    expect: { order: [["oneToLearn", "twoToLearn"]] },
  },
  // ── Labels: synonyms, alternative labels, Danish and English ─────────────
  {
    name: "Danish label of a required skill matches the English one",
    vacancy: V(["kundeservice"]),
    candidates: { english: { skills: ["customer service"], at: "aarhus" } },
    expect: { order: [["english"]] },
  },
  {
    name: "English label of a required skill matches the Danish one",
    vacancy: V(["welding techniques"]),
    candidates: { danish: { skills: ["svejseteknikker"], at: "aarhus" } },
    expect: { order: [["danish"]] },
  },
  {
    name: "an English alternative label still matches",
    vacancy: V(["inventory control"]),
    candidates: { holder: { skills: ["stock control"], at: "aarhus" } },
    expect: { order: [["holder"]] },
  },
  {
    name: "a Danish alternative label still matches",
    vacancy: V(["truckkørsel"]),
    candidates: { holder: { skills: ["operate forklift"], at: "aarhus" } },
    expect: { order: [["holder"]] },
  },
  {
    name: "a synonym on both sides meets in the same skill",
    vacancy: V(["food hygiene"]),
    candidates: { holder: { skills: ["fødevarehygiejne"], at: "aarhus" } },
    expect: { order: [["holder"]] },
  },
  {
    name: "mixed languages across required and nice-to-have",
    vacancy: V(["lagerarbejde"], { nice: ["forklift driving"] }),
    candidates: {
      both: { skills: ["warehousing", "køre gaffeltruck"], at: "aarhusN" },
      one: { skills: ["warehouse operations"], at: "aarhusN" },
    },
    expect: { order: [["both", "one"]] },
  },
  {
    name: "a course listed under a Danish label covers an English requirement",
    vacancy: V(["first aid", "patient care"]),
    candidates: { learner: { skills: ["patientpleje"], at: "aarhus" } },
    offerings: { course: { skills: ["førstehjælp"], at: "aarhus", startsInDays: 5, endsInDays: 6 } },
    expect: { order: [["learner"]], upskilling: { learner: ["course"] } },
  },
  {
    name: "a differently-worded but unrelated skill does not match",
    vacancy: V(["cooking techniques"]),
    candidates: {
      cook: { skills: ["madlavning"], at: "aarhus" },
      cleaner: { skills: ["rengøring"], at: "aarhus" },
    },
    expect: { order: [["cook"]], excluded: ["cleaner"] },
  },
  // ── Company preference for upskilling ────────────────────────────────────
  {
    name: "accepting upskilling still ranks full matches first",
    vacancy: V(["drive heavy trucks", "first aid"], { acceptsUpskilling: true }),
    candidates: {
      full: { skills: ["drive heavy trucks", "first aid"], at: "skanderborg" },
      learner: { skills: ["drive heavy trucks"], at: "aarhus" },
    },
    offerings: { fa: { skills: ["first aid"], online: true, startsInDays: 2, endsInDays: 3 } },
    expect: { order: [["full", "learner"]], upskilling: { learner: ["fa"] } },
  },
  {
    name: "not accepting upskilling still lists upskilling matches, below full ones",
    vacancy: V(["drive heavy trucks", "first aid"], { acceptsUpskilling: false }),
    candidates: {
      full: { skills: ["drive heavy trucks", "first aid"], at: "skanderborg" },
      learner: { skills: ["drive heavy trucks"], at: "aarhus" },
    },
    offerings: { fa: { skills: ["first aid"], online: true, startsInDays: 2, endsInDays: 3 } },
    expect: { order: [["full", "learner"]] },
  },
  // ── Larger mixed worlds ──────────────────────────────────────────────────
  {
    name: "a shop assistant vacancy with a mixed pool",
    vacancy: V(["customer service", "operate cash register"], { nice: ["Danish"], startsInDays: 35 }),
    candidates: {
      ideal: { skills: ["kundeservice", "kasseekspedition", "dansk"], at: "aarhusN" },
      good: { skills: ["customer care", "till operation"], at: "skanderborg" },
      learner: { skills: ["customer service", "Danish"], at: "aarhus" },
      tooFar: { skills: ["customer service", "operate cash register"], at: "aalborg", radius: 50 },
      tooLate: { skills: ["customer service", "operate cash register"], at: "aarhus", availableInDays: 50 },
    },
    offerings: { till: { skills: ["operate cash register"], at: "aarhus", startsInDays: 7, endsInDays: 10 } },
    expect: { order: [["ideal", "good", "learner"]], excluded: ["tooFar", "tooLate"] },
  },
  {
    name: "a warehouse vacancy requiring a licence with a mixed pool",
    vacancy: V(["warehouse operations", "operate forklift"], { licence: true, nice: ["stock control"] }),
    candidates: {
      best: { skills: ["warehouse operations", "operate forklift", "stock control"], at: "aarhusN", licence: true },
      second: { skills: ["lagerarbejde", "truckkørsel"], at: "skanderborg", licence: true },
      learner: { skills: ["warehouse operations"], at: "aarhus", licence: true },
      noLicence: { skills: ["warehouse operations", "operate forklift"], at: "aarhus", licence: false },
    },
    offerings: { fl: { skills: ["operate forklift"], at: "aarhus", startsInDays: 5, endsInDays: 8 } },
    expect: { order: [["best", "second", "learner"]], excluded: ["noLicence"] },
  },
  {
    name: "a care vacancy in Odense does not reach Aarhus",
    vacancy: V(["patient care"], { at: "odense" }),
    candidates: {
      local: { skills: ["patient care"], at: "odense" },
      aarhus: { skills: ["patient care"], at: "aarhus", radius: 60 },
    },
    expect: { order: [["local"]], excluded: ["aarhus"] },
  },
  {
    name: "a kitchen vacancy where the best candidate needs a hygiene course",
    vacancy: V(["cooking techniques", "food safety"], { nice: ["cleaning techniques"], acceptsUpskilling: true }),
    candidates: {
      full: { skills: ["cooking techniques", "food safety"], at: "silkeborg", radius: 60 },
      learnerWithNice: { skills: ["cooking techniques", "cleaning techniques"], at: "aarhus" },
      unrelated: { skills: ["welding techniques"], at: "aarhus" },
    },
    offerings: { hygiene: { skills: ["fødevarehygiejne"], at: "aarhus", startsInDays: 10, endsInDays: 12 } },
    expect: { order: [["full", "learnerWithNice"]], excluded: ["unrelated"], upskilling: { learnerWithNice: ["hygiene"] } },
  },
];
