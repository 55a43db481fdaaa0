import { useTranslation } from "react-i18next";

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer>
      <div className="footer">
        <div className="container">
          <div className="row">
            <div className="col-12 col-md-6 footer-col">
              <h2 className="h5">{t("layout.footerHeading")}</h2>
              <p>{t("layout.footerAbout")}</p>
            </div>
            <div className="col-12 col-md-6 footer-col">
              <h2 className="h5">{t("layout.footerContactHeading")}</h2>
              <p>{t("layout.footerContact")}</p>
            </div>
          </div>
        </div>
      </div>
    </footer>
  );
}
