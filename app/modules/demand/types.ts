// What the demand for a course is (pure: the e-mail renderer and the portal share it).
export interface CourseDemand {
  courseId: string;
  title: string;
  /** Open vacancies that require a skill the course teaches. */
  openVacancies: number;
  /**
   * Open vacancies with a current upskilling match whose path runs through one
   * of the course's offerings: candidates in reach who lack exactly what it teaches.
   */
  gapVacancies: number;
  /** Distinct candidates in those upskilling matches. */
  candidates: number;
}

export interface UntaughtSkill {
  skillId: string;
  labelEn: string;
  labelDa: string | null;
  /** Open vacancies that require the skill. */
  vacancies: number;
}
