// The jobs the demo is built around: common jobcentre vacancies, named by their
// ESCO preferred label (English), with a Danish title we write ourselves
// because ESCO's Danish labels are not available here (see SOURCES.md).
export const DEMO_OCCUPATION_TITLES_DA: Record<string, string> = {
  "bus driver": "Buschauffør",
  bricklayer: "Murer",
  "shop assistant": "Butiksassistent",
  "laundry worker": "Vaskerimedarbejder",
  "call centre agent": "Kundeservicemedarbejder",
  "domestic electrician": "Elektriker (boliginstallation)",
  "home care aide": "Hjemmehjælper",
  "construction painter": "Bygningsmaler",
  baker: "Bager",
  carpenter: "Tømrer",
  cashier: "Kassemedarbejder",
  bartender: "Bartender",
  "building cleaner": "Rengøringsassistent",
  "security guard": "Vagt",
  "child care worker": "Pædagogmedhjælper",
  butcher: "Slagter",
  "hotel porter": "Hotelportier",
  electrician: "Elektriker",
  "sheet metal worker": "Pladesmed",
  "industrial electrician": "Industrielektriker",
  "road construction worker": "Vejarbejder",
  "office clerk": "Kontorassistent",
  "taxi driver": "Taxachauffør",
  "room attendant": "Stuepige/roomattendant",
  welder: "Svejser",
  "postman/postwoman": "Postbud",
  "sales assistant": "Salgsassistent",
  "social care worker": "Social- og sundhedshjælper",
  cook: "Kok",
  "window cleaner": "Vinduespudser",
  "hospital porter": "Portør",
  "groundsman/groundswoman": "Anlægsgartner (grønne områder)",
  "concrete finisher": "Betonarbejder",
  roofer: "Tagdækker",
  "warehouse worker": "Lagermedarbejder",
  barista: "Barista",
  "domestic cleaner": "Rengøringshjælper",
  "waiter/waitress": "Tjener",
  "demolition worker": "Nedbrydningsarbejder",
  "kitchen assistant": "Køkkenmedhjælper",
  "food production operator": "Procesoperatør (fødevarer)",
  "landscape gardener": "Anlægsgartner",
  plumber: "VVS-montør",
  "forklift operator": "Truckfører",
  "excavator operator": "Maskinfører",
  plasterer: "Stukkatør",
  "hand packer": "Pakkerimedarbejder",
  "kitchen porter": "Opvasker",
  receptionist: "Receptionist",
  "building construction worker": "Byggearbejder",
};

/** Sector word for a company name, by ISCO major group of its main occupation. */
export const SECTOR_BY_ISCO_MAJOR: Record<string, string[]> = {
  "4": ["Administration", "Kontorservice", "Kundecenter"],
  "5": ["Service", "Handel", "Omsorg", "Restauration"],
  "6": ["Gartneri", "Anlæg", "Landbrug"],
  "7": ["Byg", "Metal", "El", "VVS", "Entreprise"],
  "8": ["Logistik", "Transport", "Produktion", "Maskinfabrik"],
  "9": ["Facility", "Rengøring", "Lager", "Service"],
};

export const COMPANY_NAME_PREFIXES = [
  "Nordlys", "Vestkyst", "Limfjord", "Aros", "Himmerland", "Fyns", "Odin", "Kattegat", "Lillebælt", "Skovbo",
  "Gudenå", "Egholm", "Hjallese", "Tarup", "Brabrand", "Vendsyssel", "Marselis", "Dalum", "Søndergaard", "Havne",
];

export const LEGAL_FORMS = ["ApS", "A/S", "ApS", "I/S", "ApS", "A/S"];
