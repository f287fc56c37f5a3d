// Wraps every page in the environment context, so the navbar picker and the widgets share one choice.
import React, { type ReactNode } from 'react';
import { EnvironmentProvider } from '@site/src/components/EnvironmentContext';

export default function Root({ children }: { children: ReactNode }): ReactNode {
  return <EnvironmentProvider>{children}</EnvironmentProvider>;
}
