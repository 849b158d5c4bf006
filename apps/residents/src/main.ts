import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { useResidentsJsonBodyLimit } from './json-body-limit';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: false });
  useResidentsJsonBodyLimit(app);
  app.enableShutdownHooks();
  const port = Number(process.env.PORT ?? 4001);
  await app.listen(port, process.env.HOST ?? '127.0.0.1');
  Logger.log(`residents subgraph on http://localhost:${port}/graphql`, 'Residents');
}

void bootstrap();
