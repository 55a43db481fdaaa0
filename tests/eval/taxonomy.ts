// The small, hand-made taxonomy of the matching evaluation: each skill with its
// English and Danish labels and alternative labels, so that cases can name a
// skill in either language or by a synonym and still mean the same skill.
export interface EvalSkill {
  key: string;
  labelEn: string;
  labelDa: string;
  altLabelsEn: string[];
  altLabelsDa: string[];
}

export const EVAL_SKILLS: EvalSkill[] = [
  { key: "customer-service", labelEn: "customer service", labelDa: "kundeservice", altLabelsEn: ["customer care"], altLabelsDa: ["kundebetjening"] },
  { key: "forklift", labelEn: "operate forklift", labelDa: "køre gaffeltruck", altLabelsEn: ["forklift driving"], altLabelsDa: ["truckkørsel"] },
  { key: "welding", labelEn: "welding techniques", labelDa: "svejseteknikker", altLabelsEn: ["arc welding"], altLabelsDa: ["svejsning"] },
  { key: "food-safety", labelEn: "food safety", labelDa: "fødevaresikkerhed", altLabelsEn: ["food hygiene"], altLabelsDa: ["fødevarehygiejne"] },
  { key: "warehouse", labelEn: "warehouse operations", labelDa: "lagerarbejde", altLabelsEn: ["warehousing"], altLabelsDa: ["lagerdrift"] },
  { key: "cash", labelEn: "operate cash register", labelDa: "betjene kasseapparat", altLabelsEn: ["till operation"], altLabelsDa: ["kasseekspedition"] },
  { key: "patient-care", labelEn: "patient care", labelDa: "patientpleje", altLabelsEn: ["care for patients"], altLabelsDa: ["omsorg for patienter"] },
  { key: "cleaning", labelEn: "cleaning techniques", labelDa: "rengøringsteknikker", altLabelsEn: ["cleaning"], altLabelsDa: ["rengøring"] },
  { key: "stock-control", labelEn: "stock control", labelDa: "lagerstyring", altLabelsEn: ["inventory control"], altLabelsDa: ["varestyring"] },
  { key: "first-aid", labelEn: "first aid", labelDa: "førstehjælp", altLabelsEn: ["emergency first aid"], altLabelsDa: ["livreddende førstehjælp"] },
  { key: "spreadsheets", labelEn: "use spreadsheets software", labelDa: "bruge regneark", altLabelsEn: ["spreadsheet software"], altLabelsDa: ["regnearksprogrammer"] },
  { key: "truck", labelEn: "drive heavy trucks", labelDa: "køre lastbil", altLabelsEn: ["heavy goods vehicle driving"], altLabelsDa: ["lastbilkørsel"] },
  { key: "cooking", labelEn: "cooking techniques", labelDa: "madlavningsteknikker", altLabelsEn: ["culinary techniques"], altLabelsDa: ["madlavning"] },
  { key: "danish", labelEn: "Danish", labelDa: "dansk", altLabelsEn: ["Danish language"], altLabelsDa: ["dansk sprog"] },
];

/** Named places (approximate town centres) used by the cases. */
export const PLACES = {
  aarhus: { latitude: 56.1567, longitude: 10.2108, postalCode: "8000" },
  aarhusN: { latitude: 56.2, longitude: 10.19, postalCode: "8200" }, // ~5 km
  skanderborg: { latitude: 56.0342, longitude: 9.9307, postalCode: "8660" }, // ~22 km
  randers: { latitude: 56.4607, longitude: 10.0364, postalCode: "8900" }, // ~36 km
  silkeborg: { latitude: 56.1697, longitude: 9.5451, postalCode: "8600" }, // ~41 km
  aalborg: { latitude: 57.048, longitude: 9.9187, postalCode: "9000" }, // ~100 km
  odense: { latitude: 55.3959, longitude: 10.3883, postalCode: "5000" }, // ~85 km
} as const;

export type PlaceName = keyof typeof PLACES;
