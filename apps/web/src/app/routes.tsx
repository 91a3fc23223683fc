import { Suspense, lazy, type ReactElement } from 'react';
import { Route, Routes } from 'react-router';
import { CONSOLE_ROLES, IOC_ROLES, type Role } from '@onecity/contracts';
import { AgenciesSection } from '../features/console/agencies-section.tsx';
import { AuditSection } from '../features/console/audit-section.tsx';
import { ConsoleLayout } from '../features/console/console-layout.tsx';
import { ConsoleOverview } from '../features/console/console-overview.tsx';
import { ADMIN_ROLES, AUDIT_ROLES, REPORT_QUEUE_ROLES, SCORECARD_ROLES, STAFF_CONSOLE_ROLES } from '../features/console/console-sections.ts';
import { DossierListSection } from '../features/console/dossiers/dossier-list-section.tsx';
import { DossierPage } from '../features/console/dossiers/dossier-page.tsx';
import { DOSSIER_ROLES } from '../features/console/dossiers/dossier-rules.ts';
import { DossierStatisticsSection } from '../features/console/dossiers/statistics-section.tsx';
import { UsersSection } from '../features/console/users-section.tsx';
import { DocumentVerificationPage } from '../features/documents/document-verification-page.tsx';
import { DocumentsSection } from '../features/documents/documents-section.tsx';
import { MyDocumentsPage } from '../features/documents/my-documents-page.tsx';
import { VerifyUploadPage } from '../features/documents/verify-upload-page.tsx';
import { VerifyPage } from '../features/identity/verify-page.tsx';
import { HomePage } from '../features/home/home-page.tsx';
import { StatisticsPage } from '../features/statistics/statistics-page.tsx';
import { IocPage } from '../features/ioc/ioc-page.tsx';
import { ScorecardsSection } from '../features/ioc/scorecards-section.tsx';
import { ForgotPasswordPage } from '../features/identity/forgot-password-page.tsx';
import { LoginPage } from '../features/identity/login-page.tsx';
import { ProfilePage } from '../features/identity/profile-page.tsx';
import { RegisterPage } from '../features/identity/register-page.tsx';
import { ApplyPage } from '../features/procedures/apply-page.tsx';
import { CataloguePage } from '../features/procedures/catalogue-page.tsx';
import { DESK_ROLES, DeskNewDossierPage } from '../features/procedures/desk-new-dossier-page.tsx';
import { DossierPage as CitizenDossierPage } from '../features/procedures/dossier-page.tsx';
import { LookupPage } from '../features/procedures/lookup-page.tsx';
import { MyDossiersPage } from '../features/procedures/my-dossiers-page.tsx';
import { PAYMENT_CONSOLE_ROLES, PaymentsSection } from '../features/payments/payments-section.tsx';
import { ProcedurePage } from '../features/procedures/procedure-page.tsx';
import { MyReportsPage } from '../features/reports/my-reports-page.tsx';
import { ReportQueueSection } from '../features/reports/queue/queue-section.tsx';
import { ReportPage } from '../features/reports/report-page.tsx';
import { LoadingState } from '../components/loading-state.tsx';
import { NotFoundPage } from './error-pages.tsx';
import { RequireRoles } from './guards.tsx';
import { Layout } from './layout.tsx';

// The map screens bring Leaflet; they load when first opened, so other screens stay light on a phone.
const NewReportPage = lazy(() => import('../features/reports/new-report-page.tsx').then((module) => ({ default: module.NewReportPage })));
const ReportsMapPage = lazy(() => import('../features/reports/reports-map-page.tsx').then((module) => ({ default: module.ReportsMapPage })));

/** Every screen of the app. Role guards here only shape the interface; the API checks each request. */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path="register" element={<RegisterPage />} />
        <Route path="verify-account" element={<VerifyPage />} />
        <Route path="verify" element={<VerifyUploadPage />} />
        <Route path="verify/:id" element={<DocumentVerificationPage />} />
        <Route path="login" element={<LoginPage />} />
        <Route path="forgot-password" element={<ForgotPasswordPage />} />
        <Route path="profile" element={guarded(<ProfilePage />)} />
        <Route path="reports" element={withLoading(<ReportsMapPage />)} />
        <Route path="reports/new" element={guarded(withLoading(<NewReportPage />))} />
        <Route path="reports/mine" element={guarded(<MyReportsPage />)} />
        <Route path="reports/:code" element={<ReportPage />} />
        <Route path="services" element={<CataloguePage />} />
        <Route path="services/:code" element={<ProcedurePage />} />
        <Route path="services/:code/apply" element={guarded(<ApplyPage />)} />
        <Route path="dossiers/mine" element={guarded(<MyDossiersPage />)} />
        <Route path="dossiers/:code" element={guarded(<CitizenDossierPage />)} />
        <Route path="lookup" element={<LookupPage />} />
        <Route path="statistics" element={<StatisticsPage />} />
        <Route path="documents/mine" element={guarded(<MyDocumentsPage />)} />
        <Route path="console" element={guarded(<ConsoleLayout />, STAFF_CONSOLE_ROLES)}>
          <Route index element={<ConsoleOverview />} />
          <Route path="reports" element={guarded(<ReportQueueSection />, REPORT_QUEUE_ROLES)} />
          <Route path="dossiers" element={guarded(<DossierListSection />, DOSSIER_ROLES)} />
          <Route path="dossiers/new" element={guarded(<DeskNewDossierPage />, DESK_ROLES)} />
          <Route path="dossiers/statistics" element={guarded(<DossierStatisticsSection />, DOSSIER_ROLES)} />
          <Route path="dossiers/:code" element={guarded(<DossierPage />, DOSSIER_ROLES)} />
          <Route path="documents" element={guarded(<DocumentsSection />, CONSOLE_ROLES)} />
          <Route path="payments" element={guarded(<PaymentsSection />, PAYMENT_CONSOLE_ROLES)} />
          <Route path="scorecards" element={guarded(<ScorecardsSection />, SCORECARD_ROLES)} />
          <Route path="admin/agencies" element={guarded(<AgenciesSection />, ADMIN_ROLES)} />
          <Route path="admin/users" element={guarded(<UsersSection />, ADMIN_ROLES)} />
          <Route path="audit" element={guarded(<AuditSection />, AUDIT_ROLES)} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
        <Route path="ioc" element={guarded(<IocPage />, IOC_ROLES)} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

/** `page` behind RequireRoles: only for a logged-in user holding one of `roles` (any role when omitted). */
function guarded(page: ReactElement, roles?: readonly Role[]) {
  return <RequireRoles roles={roles}>{page}</RequireRoles>;
}

/** `page` shown once its code has loaded, with the loading line meanwhile. */
function withLoading(page: ReactElement) {
  return <Suspense fallback={<LoadingState />}>{page}</Suspense>;
}
