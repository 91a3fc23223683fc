import type { ReactElement } from 'react';
import { Route, Routes } from 'react-router';
import { CONSOLE_ROLES, IOC_ROLES, type Role } from '@onecity/contracts';
import { AgenciesSection } from '../features/console/agencies-section.tsx';
import { AuditSection } from '../features/console/audit-section.tsx';
import { ConsoleLayout } from '../features/console/console-layout.tsx';
import { ComingSoonSection, ConsoleOverview } from '../features/console/console-overview.tsx';
import { ADMIN_ROLES, AUDIT_ROLES } from '../features/console/console-sections.ts';
import { UsersSection } from '../features/console/users-section.tsx';
import { HomePage } from '../features/home/home-page.tsx';
import { IocPage } from '../features/ioc/ioc-page.tsx';
import { ForgotPasswordPage } from '../features/identity/forgot-password-page.tsx';
import { LoginPage } from '../features/identity/login-page.tsx';
import { ProfilePage } from '../features/identity/profile-page.tsx';
import { RegisterPage } from '../features/identity/register-page.tsx';
import { VerifyPage } from '../features/identity/verify-page.tsx';
import { NotFoundPage } from './error-pages.tsx';
import { RequireRoles } from './guards.tsx';
import { Layout } from './layout.tsx';

/** Every screen of the app. Role guards here only shape the interface; the API checks each request. */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path="register" element={<RegisterPage />} />
        <Route path="verify" element={<VerifyPage />} />
        <Route path="login" element={<LoginPage />} />
        <Route path="forgot-password" element={<ForgotPasswordPage />} />
        <Route path="profile" element={guarded(<ProfilePage />)} />
        <Route path="console" element={guarded(<ConsoleLayout />, CONSOLE_ROLES)}>
          <Route index element={<ConsoleOverview />} />
          <Route path="reports" element={<ComingSoonSection section="reports" />} />
          <Route path="dossiers" element={<ComingSoonSection section="dossiers" />} />
          <Route path="documents" element={<ComingSoonSection section="documents" />} />
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
