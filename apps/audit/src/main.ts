import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(AppModule, { bufferLogs: false });
  app.enableShutdownHooks();
  const port = Number(process.env.PORT ?? 4003);
  await app.listen(port, process.env.HOST ?? '127.0.0.1');
  Logger.log(`audit subgraph on http://localhost:${port}/graphql`, 'Audit');
}

void bootstrap();
