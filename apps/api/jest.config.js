const { serverProject } = require('../../jest.shared');

module.exports = serverProject('api', __dirname);
